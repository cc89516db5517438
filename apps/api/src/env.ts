import { emailSchema } from '@claimdesk/contracts';
import { z } from 'zod';
import { parseAllowList } from './consumer/outbound.ts';
import { DEFAULT_MAX_ARTICLE_CHARS } from './services/check-article-text.ts';

/** An empty variable (`CLAIMDESK_ADMIN_EMAIL=`) means unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Environment, read and validated once; the rest of the API gets values, never process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  CLAIMDESK_ADMIN_EMAIL: optional(emailSchema),
  CLAIMDESK_ADMIN_PASSWORD: optional(z.string().min(12, 'CLAIMDESK_ADMIN_PASSWORD must be at least 12 characters')),
  CLAIMDESK_ORG_NAME: z.string().default('claimdesk newsroom'),
  CLAIMDESK_ORG_URL: optional(z.string().url()),
  CLAIMDESK_PUBLIC_URL: optional(z.string().url()),
  /** "true" when a TLS-terminating proxy sits in front: cookies get Secure, req.ip trusts X-Forwarded-For. */
  CLAIMDESK_BEHIND_HTTPS: z.enum(['true', 'false']).default('false'),
  /** `address:port,...` that webhooks may call although not public (local receivers). */
  CLAIMDESK_WEBHOOK_ALLOW: z
    .string()
    .default('')
    .refine((v) => {
      try {
        parseAllowList(v);
        return true;
      } catch {
        return false;
      }
    }, 'CLAIMDESK_WEBHOOK_ALLOW must be address:port pairs separated by commas, e.g. 127.0.0.1:8080,[::1]:9000'),
  /** The longest article text accepted, in characters (API, app and CLI import alike). */
  CLAIMDESK_MAX_ARTICLE_CHARS: z.coerce.number().int().min(1000).max(20_000_000).default(DEFAULT_MAX_ARTICLE_CHARS),
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

/**
 * What the API's links are built from. Only configured addresses are used, never a guessed
 * http://localhost: the organisation's URL is CLAIMDESK_ORG_URL, else CLAIMDESK_PUBLIC_URL.
 */
export function publicLinksFromEnv(env: Env): {
  organisation: { name: string; url: string | null };
  publicUrl: string | null;
} {
  return {
    organisation: { name: env.CLAIMDESK_ORG_NAME, url: env.CLAIMDESK_ORG_URL ?? env.CLAIMDESK_PUBLIC_URL ?? null },
    publicUrl: env.CLAIMDESK_PUBLIC_URL ?? null,
  };
}
