// Two-digit codes accepted at the start of a division code or resident ID number: the
// province-level units of GB/T 2260 (71 is Taiwan), plus 81, 82 and 83, which open the residence
// permits of Hong Kong, Macao and Taiwan residents, and 91, kept from the product's list.
// biome-ignore format: grouped by region so the list can be compared with the standard at a glance
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82', '83',
  '91',
];

const provinceCodeSet: ReadonlySet<string> = new Set(PROVINCE_CODES);

export function isProvinceCode(code: string): boolean {
  return provinceCodeSet.has(code);
}
