import { queryOptions } from '@tanstack/react-query';
import { type RegionNames as RegionName, regionNamesSchema } from '../../shared/api/regions';
import { api } from './client';
import { regionKeys } from './regions';

/** A region's name with its ancestors in the reader's scope: what rows need to name their places. */
export type { RegionNames as RegionName } from '../../shared/api/regions';

/** The server takes at most this many codes in one request. */
const BATCH_LIMIT = 100;
/** Codes asked for within this long go out in one request (a table renders its rows at once). */
const BATCH_WINDOW_MS = 10;

type Waiting = Map<string, ((region: RegionName | null) => void)[]>;
let waiting: Waiting = new Map();
let timer: ReturnType<typeof setTimeout> | undefined;

async function flush(): Promise<void> {
  const batch = waiting;
  waiting = new Map();
  timer = undefined;
  const codes = [...batch.keys()];
  for (let start = 0; start < codes.length; start += BATCH_LIMIT) {
    const chunk = codes.slice(start, start + BATCH_LIMIT);
    let found = new Map<string, RegionName>();
    try {
      const answer = await api('GET', '/api/regions/names', regionNamesSchema, {
        query: { codes: chunk.join(',') },
      });
      found = new Map(answer.items.map((item) => [item.code, item]));
    } catch {
      // Names are a nicety: a failed batch shows codes, as an unknown region does.
    }
    for (const code of chunk) for (const resolve of batch.get(code) ?? []) resolve(found.get(code) ?? null);
  }
}

/** A region's name, batched with every other name asked for in the same moment; null outside scope. */
function loadRegionName(code: string): Promise<RegionName | null> {
  return new Promise((resolve) => {
    waiting.set(code, [...(waiting.get(code) ?? []), resolve]);
    if (timer === undefined) timer = setTimeout(() => void flush(), BATCH_WINDOW_MS);
  });
}

/** Under `regions`: any change to regions refreshes the names too. */
export const regionNameQuery = (code: string) =>
  queryOptions({
    queryKey: [...regionKeys.all, 'name', code] as const,
    queryFn: () => loadRegionName(code),
    staleTime: 5 * 60_000,
  });
