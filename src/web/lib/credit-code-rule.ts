import type { FormRule } from 'antd';
import { type CreditCodeProblem, validateCreditCode } from '../../shared/validators/credit-code';
import type { MessageKey, Translate } from '../i18n/translate';

const problemKeys: Record<CreditCodeProblem, MessageKey> = {
  length: 'creditCode.length',
  characters: 'creditCode.characters',
  division: 'creditCode.division',
  check_char: 'creditCode.checkChar',
};

/** The credit code's shape (GB 32100), checked before submit; the server still decides on duplicates. */
export const creditCodeRule = (t: Translate): FormRule => ({
  validator: async (_, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const checked = validateCreditCode(value);
    if (!checked.ok) throw new Error(t(problemKeys[checked.reason]));
  },
});
