import { z } from 'zod';
import { hasControlCharacters, lineSchema, trimInvisible } from './common.ts';

export const roleSchema = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** What each role may do, from least to most. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/**
 * An account's sign-in name: `name@host`. Hosts without a dot are allowed on purpose, because the
 * first admin of an installation is `admin@localhost` and newsroom intranets use such hosts.
 */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'email is longer than 320 characters')
  .regex(/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*$/, 'email must look like name@host')
  .refine((v) => !hasControlCharacters(v), 'email must not contain control characters');

/** A person's or a key's name: invisible characters at either end go, then the length counts. */
export const nameSchema = (max: number) => z.string().overwrite(trimInvisible).pipe(lineSchema(max));

/** A person's display name: what history, notices, CSV and webhooks show instead of the e-mail. */
export const displayNameSchema = nameSchema(200)
  .refine((v) => v.trim().length > 0, 'name must not be empty')
  .refine((v) => !v.includes('@'), 'name must be a name, not an e-mail address')
  .transform((v) => v.trim());

export const loginRequestSchema = z
  .object({
    email: emailSchema,
    password: z
      .string()
      .min(1, 'password is required')
      .max(1000)
      .refine((v) => !hasControlCharacters(v), 'password must not contain control characters'),
  })
  .strict();

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isDisabled: z.boolean(),
  /** After an admin's reset: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  /** Send back as the X-CSRF-Token header on every cookie-authenticated write. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const MIN_PASSWORD_LENGTH = 12;

/** A password being set (not one being checked at sign-in, which is only compared). */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1000, 'password must be at most 1000 characters')
  .refine((v) => !hasControlCharacters(v), 'password must not contain control characters');

export const createUserRequestSchema = z
  .object({
    email: emailSchema,
    /** Empty: the part of the e-mail before the @. */
    name: nameSchema(200)
      .refine((v) => !v.includes('@'), 'name must be a name, not an e-mail address')
      .default(''),
    password: newPasswordSchema,
    role: roleSchema,
  })
  .strict();

export const updateUserRequestSchema = z
  .object({
    role: roleSchema.optional(),
    isDisabled: z.boolean().optional(),
    name: displayNameSchema.optional(),
  })
  .strict()
  .refine(
    (v) => v.role !== undefined || v.isDisabled !== undefined || v.name !== undefined,
    'give role, isDisabled or name',
  );

export const userListSchema = z.object({ items: z.array(userSchema) });

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z
  .object({ name: nameSchema(100).refine((v) => v.length > 0, 'name is required') })
  .strict();
/** The key itself is in this response only: it is stored hashed. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });

/** Changing one's own password: the current one proves it is the account holder, not a borrowed session. */
export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, 'currentPassword is required').max(1000),
    newPassword: newPasswordSchema,
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** An admin's reset: the one-time password is in this answer only; the user must change it at sign-in. */
export const resetPasswordResponseSchema = z.object({ user: userSchema, password: z.string() });
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponseSchema>;
