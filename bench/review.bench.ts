/**
 * bench/review: the annual review's KPIs (on-time rate and satisfaction of work orders, visit and
 * care coverage, volunteer hours, commitments kept, placements) of every community of the
 * `district` demo at once, as a round of the whole district's communities would compute them,
 * against the same KPIs of one community, per community. The computation is set-based (one query
 * per source for all regions), so a community costs less inside the set than alone: target ratio
 * ≤ 3.
 *   npm run bench -- review [--dialect sqlite|postgres] [--rows 1 (small demo) | 0 (district, default)]
 */
import { buildDemo } from '../src/server/demo/demo-district.js';
import { computeKpis } from '../src/server/modules/reviews/index.js';
import { benchDatabase, benchOptions, median, printResult, round } from './support.js';

const { dialect, rows } = benchOptions(0);
const scale = rows === 1 ? 'small' : 'district';
const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const started = Date.now();
process.stdout.write(`building the ${scale} demo on ${dialect}…\n`);
await buildDemo(ctx, { scale, seed: 2013 });
process.stdout.write(`built in ${round((Date.now() - started) / 1000, 1)} s\n`);

const communities = (
  await db
    .selectFrom('regions')
    .select('code')
    .where('district_code', '=', ctx.config.districtCode)
    .where('kind', 'in', ['community', 'village'])
    .orderBy('code')
    .execute()
).map((r) => r.code);
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const period = { year, fromMonth: `${year}-01`, toMonth: `${year}-12` };

const time = async (codes: readonly string[]) => {
  const start = process.hrtime.bigint();
  const figures = await computeKpis(db, dialect, codes, period);
  if (figures.size !== codes.length) throw new Error('a region without figures');
  return Number(process.hrtime.bigint() - start) / 1e6;
};
// Warm both paths, then take medians.
await time(communities);
await time([communities[0]!]);
const all: number[] = [];
const one: number[] = [];
for (let i = 0; i < 9; i++) {
  all.push(await time(communities));
  one.push(await time([communities[i % communities.length]!]));
}
const allMs = median(all);
const oneMs = median(one);
const perCommunityMs = allMs / communities.length;
printResult({
  bench: 'review',
  dialect,
  scale,
  communities: communities.length,
  allCommunitiesMs: round(allMs),
  perCommunityInSetMs: round(perCommunityMs, 3),
  oneCommunityMs: round(oneMs),
  ratio: round(perCommunityMs / oneMs),
  target: 3,
});
await handle.drop();
