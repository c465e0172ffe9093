/** Chinese UI strings of the cockpit pages (spread into zh.ts). */
export const zhCockpit = {} as const;
