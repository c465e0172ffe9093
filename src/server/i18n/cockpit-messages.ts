/** Messages of the cockpit module (merged into `messages`). */
export const cockpitMessages = {} as const;
