import { z } from 'zod';

/** Environment, read and validated once; the rest of the API gets values, never process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  CLAIMDESK_ADMIN_EMAIL: z.string().email().optional(),
  CLAIMDESK_ADMIN_PASSWORD: z.string().min(12, 'CLAIMDESK_ADMIN_PASSWORD must be at least 12 characters').optional(),
  CLAIMDESK_ORG_NAME: z.string().default('claimdesk newsroom'),
  CLAIMDESK_ORG_URL: z.string().url().default('http://localhost:3000'),
  CLAIMDESK_PUBLIC_URL: z.string().url().optional(),
  /** "true" when a TLS-terminating proxy sits in front: cookies get Secure, req.ip trusts X-Forwarded-For. */
  CLAIMDESK_BEHIND_HTTPS: z.enum(['true', 'false']).default('false'),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}
