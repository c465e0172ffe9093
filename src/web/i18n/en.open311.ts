import type { zhOpen311 } from './zh.open311';

/** English UI strings of the open311 pages (spread into en.ts). */
export const enOpen311: Record<keyof typeof zhOpen311, string> = {};
