/** Messages of the portal module (merged into `messages`). */
export const portalMessages = {} as const;
