/** Chinese UI strings of the work-orders pages (spread into zh.ts). */
export const zhWorkOrders = {} as const;
