import type { FormRule } from 'antd';
import { checkPasswordPolicy, type PasswordProblem } from '../../shared/password-policy';
import type { MessageKey, Translate } from '../i18n/translate';

const problemKeys: Record<PasswordProblem, MessageKey> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  too_few_classes: 'password.tooFewClasses',
};

/** The server's password policy, checked before submit so the user sees the rule at once. */
export const passwordPolicyRule = (t: Translate): FormRule => ({
  validator: async (_, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const problem = checkPasswordPolicy(value);
    if (problem) throw new Error(t(problemKeys[problem]));
  },
});
