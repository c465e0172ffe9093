import type { HouseholdCell } from '../../api/types';
import type { Translate } from '../../i18n/translate';

/** "1单元 301室", or the address of a household outside buildings. */
export function placeOf(t: Translate, cell: Pick<HouseholdCell, 'unit' | 'room' | 'address'>): string {
  const parts = [
    cell.unit ? t('household.unit', { unit: cell.unit }) : '',
    cell.room ? t('household.room', { room: cell.room }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : cell.address;
}
