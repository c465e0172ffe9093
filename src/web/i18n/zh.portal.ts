/** Chinese UI strings of the portal pages (spread into zh.ts). */
export const zhPortal = {} as const;
