import type { zhWorkOrders } from './zh.work-orders';

/** English UI strings of the work-orders pages (spread into en.ts). */
export const enWorkOrders: Record<keyof typeof zhWorkOrders, string> = {};
