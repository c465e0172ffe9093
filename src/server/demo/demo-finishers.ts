import type { ServiceContext } from '../services.js';

/** Work that runs once the demo data is written, given the districts it built. */
export type DemoFinisher = (ctx: ServiceContext, districtCodes: readonly string[]) => Promise<void>;

/**
 * CALL SITE FOR THE COCKPIT (branch `cockpit`): once `src/server/modules/cockpit/demo-boundaries.ts`
 * and `rollups.ts` are on main, wiring them is this one entry (plus its two imports):
 *
 *   async (ctx, codes) => { for (const code of codes) await generateDemoBoundaries(ctx, code); await rebuildRollups(ctx); },
 *
 * `lianxin demo` and the first-start demo both run this list after writing the data.
 */
export const DEMO_FINISHERS: readonly DemoFinisher[] = [];
