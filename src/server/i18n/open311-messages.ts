/** Messages of the open311 module (merged into `messages`). */
export const open311Messages = {} as const;
