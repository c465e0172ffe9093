import type { HealthRecord } from '../../api/types';

/** The revealed health record (a JSON string); a value of another shape shows as conditions text. */
export function parseHealthRecord(value: string): HealthRecord {
  try {
    const parsed = JSON.parse(value) as Partial<HealthRecord>;
    return {
      conditions: typeof parsed.conditions === 'string' ? parsed.conditions : '',
      doctorContact: typeof parsed.doctorContact === 'string' ? parsed.doctorContact : '',
      lastCheckup: typeof parsed.lastCheckup === 'string' ? parsed.lastCheckup : '',
    };
  } catch {
    return { conditions: value, doctorContact: '', lastCheckup: '' };
  }
}
