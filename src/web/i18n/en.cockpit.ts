import type { zhCockpit } from './zh.cockpit';

/** English UI strings of the cockpit pages (spread into en.ts). */
export const enCockpit: Record<keyof typeof zhCockpit, string> = {};
