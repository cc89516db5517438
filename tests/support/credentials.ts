import type { Express } from 'express';
import request from 'supertest';
import { PASSWORD } from './api-client.ts';

/** A session as a client holds it: the raw cookies from Set-Cookie and the CSRF token. */
export interface SessionCredentials {
  token: string;
  csrf: string;
  /** The Cookie header a browser would send back. */
  cookie: string;
  setCookie: string[];
}

export function readSetCookie(header: string | string[] | undefined): string[] {
  if (!header) return [];
  return Array.isArray(header) ? header : [header];
}

/** Signs in with a plain request (no cookie jar) and returns what the browser would keep. */
export async function signInForCredentials(
  app: Express,
  email: string,
  password = PASSWORD,
): Promise<SessionCredentials> {
  const res = await request(app).post('/api/session').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = readSetCookie(res.headers['set-cookie']);
  const value = (name: string) => {
    const line = setCookie.find((c) => c.startsWith(`${name}=`));
    if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookie)}`);
    return decodeURIComponent(line.slice(name.length + 1).split(';')[0] ?? '');
  };
  const token = value('claimdesk_session');
  const csrf = value('claimdesk_csrf');
  return { token, csrf, cookie: `claimdesk_session=${token}; claimdesk_csrf=${csrf}`, setCookie };
}
