/** Chinese UI strings of the open311 pages (spread into zh.ts). */
export const zhOpen311 = {} as const;
