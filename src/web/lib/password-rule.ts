import type { FormRule } from 'antd';
import { checkPasswordPolicy, type PasswordProblem } from '../../shared/password-policy';
import type { MessageKey, Translate } from '../i18n/translate';

const problemKeys: Record<PasswordProblem, MessageKey> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  too_few_classes: 'password.tooFewClasses',
  too_common: 'password.tooCommon',
  contains_username: 'password.containsUsername',
};

/**
 * The server's password policy, checked before submit so the user sees the rule at once; with
 * the account's username when the form knows it.
 */
export const passwordPolicyRule = (t: Translate, username?: string): FormRule => ({
  validator: async (_, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const problem = checkPasswordPolicy(value, { username });
    if (problem) throw new Error(t(problemKeys[problem]));
  },
});
