import type { Language } from '../server/i18n/messages.js';
import type { AuditAnchor, AuditVerification } from '../server/modules/audit/index.js';
import { cliLanguage } from './language.js';

/** One line for the operator, in their language: what held, or where and how the chain broke. */
export function describeVerification(
  result: AuditVerification,
  anchor: AuditAnchor,
  language: Language = cliLanguage(),
): string {
  const zh = language === 'zh';
  if (result.ok)
    return zh
      ? `审计链完整：共 ${result.rows} 行。另有 ${result.unsealed} 行待封存（内容 MAC 已核验）。`
      : `Audit chain intact: ${result.rows} rows. ${result.unsealed} rows wait to be sealed (content MAC checked).`;
  const chain = result.chain === 'legacy' ? (zh ? '旧链' : 'legacy chain') : result.chain;
  const where = zh
    ? `审计链（${chain}）在第 ${result.brokenAt} 环断开（${result.reason}）`
    : `Audit chain (${chain}) BROKEN at link ${result.brokenAt} (${result.reason})`;
  const before = zh ? `此前 ${result.rows} 行核验无误` : `${result.rows} rows verified before it`;
  switch (result.reason) {
    case 'cut':
      return zh
        ? `${where}：该链止于第 ${result.brokenAt - 1} 环，而 ${anchor.headFile} 记录到第 ${result.exportedLink} 环，末尾已被删除。`
        : `${where}: the chain ends at link ${result.brokenAt - 1} but ${anchor.headFile} records link ${result.exportedLink}; its tail was removed.`;
    case 'anchor_invalid':
      return zh
        ? `${where}：${anchor.headFile} 被改动过，或属于另一把数据密钥。`
        : `${where}: ${anchor.headFile} was edited or belongs to another data key.`;
    case 'forged':
      return zh
        ? `${where}：其 MAC 不符，是在没有密钥的情况下改写的。${before}。`
        : `${where}: its MAC does not match; it was rewritten without the key. ${before}.`;
    case 'unsigned':
      return zh
        ? `${where}：前面的行都有 MAC，它却没有。${before}。`
        : `${where}: it has no MAC although earlier rows do. ${before}.`;
    case 'unsealed_forged':
      return zh
        ? `${where}：这一行尚未封存（seq ${result.brokenAt}），其内容与内容 MAC 不符。${before}。`
        : `${where}: this row (seq ${result.brokenAt}) is not sealed yet and its content does not match its MAC. ${before}.`;
    default:
      return zh ? `${where}；${before}。` : `${where}; ${before}.`;
  }
}
