import type { MessageKey } from '../../i18n/translate';

/** The age presets of the residents filter; bounds are whole years, both inclusive. */
export const AGE_BANDS = {
  child: { min: 0, max: 17, label: 'persons.ageChild' },
  adult: { min: 18, max: 59, label: 'persons.ageAdult' },
  senior: { min: 60, max: null, label: 'persons.ageSenior' },
  elderly: { min: 80, max: null, label: 'persons.ageElderly' },
} as const satisfies Record<string, { min: number; max: number | null; label: MessageKey }>;

export type AgeBand = keyof typeof AGE_BANDS;

export const isAgeBand = (value: string): value is AgeBand => value in AGE_BANDS;
