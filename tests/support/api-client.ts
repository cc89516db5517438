import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CreateAppOptions, type ResolveHost, createApiKey, createApp, createUser } from '@claimdesk/api';
import type { Database } from '@claimdesk/db';
import type { Express } from 'express';
import request from 'supertest';

export const SEED_PATH = join(import.meta.dirname, '../../sample-data/00_2022-02-27_jagran.txt');
export const seedText = () => readFileSync(SEED_PATH, 'utf8');

export const PASSWORD = 'correct horse battery staple';

export interface Agent {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

/** Signs a user in through the API and returns an agent that keeps the cookies, plus the CSRF token. */
export async function signIn(app: Express, email: string, password = PASSWORD): Promise<Agent> {
  const agent = request.agent(app);
  const res = await agent.post('/api/session').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  // Under an https public URL the cookies are Secure, and the agent's jar keeps them from plain
  // http: send them as a browser behind TLS would.
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  if (setCookie.some((c) => /;\s*Secure/i.test(c)))
    agent.set('cookie', setCookie.map((c) => c.split(';')[0]).join('; '));
  return { agent, csrf: res.body.csrfToken as string };
}

/** Tests ask no real DNS: a name that no test stubbed does not resolve. */
export const noDns: ResolveHost = async (hostname) => {
  throw Object.assign(new Error(`no DNS in tests (${hostname})`), { code: 'ENOTFOUND' });
};

/**
 * Webhook targets of the tests: the discard port on loopback (nothing listens, nothing is sent),
 * allow-listed as an operator would with CLAIMDESK_WEBHOOK_ALLOW, and no real DNS.
 */
export const TEST_OUTBOUND = { allow: ['127.0.0.1:9'], resolve: noDns };

/** A fresh app over `db` with one user of each role and one API key (and a revoked one). */
export async function createTestApp(db: Database, options: Omit<CreateAppOptions, 'db'> = {}) {
  const app = createApp({ db, ...options, config: { outbound: TEST_OUTBOUND, ...options.config } });
  const suffix = Math.random().toString(36).slice(2, 8);
  const emails = {
    admin: `admin-${suffix}@example.org`,
    editor: `editor-${suffix}@example.org`,
    viewer: `viewer-${suffix}@example.org`,
  };
  // Display names: what verdicts, history, CSV and webhooks show (never the e-mail).
  const names = {
    admin: `Ada Admin ${suffix}`,
    editor: `Olena Editor ${suffix}`,
    viewer: `Ivan Viewer ${suffix}`,
  };
  for (const role of ['admin', 'editor', 'viewer'] as const)
    await createUser(db, { email: emails[role], name: names[role], password: PASSWORD, role });
  const key = await createApiKey(db, `consumer-${suffix}`);
  const revoked = await createApiKey(db, `revoked-${suffix}`);
  const { revokeApiKey } = await import('@claimdesk/api');
  await revokeApiKey(db, revoked.id);
  const admin = await signIn(app, emails.admin);
  const editor = await signIn(app, emails.editor);
  const viewer = await signIn(app, emails.viewer);
  return { app, emails, names, admin, editor, viewer, apiKey: key.key, revokedKey: revoked.key };
}
