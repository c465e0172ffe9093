export type RegionStat = 'households' | 'cared_households' | 'warm_group_households';
export type StatDeltas = Partial<Record<RegionStat, number>>;
