import { match } from 'pinyin-pro';
import type { ServiceCategory } from '../../api/service-catalogue';

/** A category orders can be taken in (an active leaf), with the name of its group. */
export interface CategoryChoice {
  category: ServiceCategory;
  groupName: string;
}

/**
 * Whether staff can take an order in for a category: active, and not switched off in every one of
 * their districts (the server checks the order's own district again).
 */
const usable = (c: ServiceCategory) =>
  c.active && (c.districts.length === 0 || c.districts.some((d) => d.active));

/** Active categories without children, in catalogue order (group sort, then own sort). */
export function leafChoices(all: readonly ServiceCategory[]): CategoryChoice[] {
  const byCode = new Map(all.map((c) => [c.code, c]));
  const parents = new Set(all.map((c) => c.parentCode).filter((code): code is string => code !== null));
  const sortOf = (c: ServiceCategory) => [byCode.get(c.parentCode ?? '')?.sort ?? c.sort, c.sort];
  return all
    .filter((c) => usable(c) && !parents.has(c.code))
    .sort((a, b) => {
      const [ga, sa] = sortOf(a);
      const [gb, sb] = sortOf(b);
      return ga! - gb! || sa! - sb! || a.code.localeCompare(b.code);
    })
    .map((category) => ({
      category,
      groupName: category.parentCode ? (byCode.get(category.parentCode)?.name ?? '') : '',
    }));
}

/**
 * Whether a category answers a search: its name (characters, full pinyin or initials, e.g.
 * 老人 / laoren / djlr), its group's name, its English name, code or keywords.
 */
export function choiceMatches(choice: CategoryChoice, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const { category, groupName } = choice;
  const plain = [category.name, groupName, category.nameEn, category.code, category.keywords]
    .join(' ')
    .toLowerCase();
  if (plain.includes(q)) return true;
  if (!/^[a-z]+$/.test(q)) return false;
  return match(category.name, q) !== null || (groupName !== '' && match(groupName, q) !== null);
}
