import type { zhPortal } from './zh.portal';

/** English UI strings of the portal pages (spread into en.ts). */
export const enPortal: Record<keyof typeof zhPortal, string> = {};
