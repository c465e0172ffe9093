import { emptyPersonFilter, type PersonFilter } from '../../api/persons';
import type { Gender } from '../../api/types';
import { AGE_BANDS, type AgeBand, isAgeBand } from './age-bands';

/** The residents list's filters as the page keeps them: in the URL, so back from a person returns to them. */
export interface PersonView {
  q: string;
  region: string;
  tag: string;
  gender: Gender | '';
  age: AgeBand | '';
}

export function viewOf(params: URLSearchParams): PersonView {
  const gender = params.get('gender');
  const age = params.get('age') ?? '';
  return {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    tag: params.get('tag') ?? '',
    gender: gender === 'male' || gender === 'female' ? gender : '',
    age: isAgeBand(age) ? age : '',
  };
}

export function paramsOf(view: PersonView): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) if (value) params.set(key, value);
  return params;
}

export function filterOf(view: PersonView): PersonFilter {
  const band = view.age ? AGE_BANDS[view.age] : null;
  return {
    ...emptyPersonFilter,
    q: view.q,
    region: view.region,
    tag: view.tag,
    gender: view.gender,
    ageMin: band?.min ?? null,
    ageMax: band?.max ?? null,
  };
}
