import { z } from 'zod';
import { meSchema, passwordSchema } from './users.js';

/** Request and response shapes of /api/auth (the signed-in account itself is `meSchema` in users.ts). */

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const loginSchema = z.object({ user: meSchema });

export const changePasswordBody = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });
