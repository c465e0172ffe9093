import { TRANSFER_KIND_LABELS, type TransferKindName } from '../../../shared/api/timebank';
import type { Language } from '../../i18n/language';

/** A ledger row's kind in words (转账, 志愿服务时长, 爱心超市兑换…), the same words as the statements. */
export const transferKindLabel = (kind: TransferKindName, language: Language): string =>
  TRANSFER_KIND_LABELS[kind][language];

/** Minutes as people count them: +30, −10. */
export const signedMinutes = (minutes: number): string => (minutes > 0 ? `+${minutes}` : `−${-minutes}`);
