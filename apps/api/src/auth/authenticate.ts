import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ROLE_RANK, type Access, type Role, type User } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { resolveApiKey } from './api-keys.ts';
import { safeEqual } from './secrets.ts';
import { resolveSession } from './sessions.ts';
import { defaultDisplayName } from './users.ts';

export const SESSION_COOKIE = 'claimdesk_session';
export const CSRF_COOKIE = 'claimdesk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Who is calling: a signed-in user, an API key, or nobody. */
export type Actor =
  | { kind: 'user'; user: User; role: Role; csrfToken: string; sessionToken: string }
  | { kind: 'apiKey'; keyId: string; name: string }
  | { kind: 'anonymous' };

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookieValue(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A cookie that is not valid percent-encoding is no session (it answered 500 before): the caller is anonymous. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Resolves the caller once per request: a Bearer API key, else the session cookie. */
export function authenticate(db: Database): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const authorization = req.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const key = match?.[1] ? await resolveApiKey(db, match[1]) : null;
      if (!key) throw new AppError('unauthorized', 'the API key is invalid or revoked', { path: [] });
      req.actor = { kind: 'apiKey', keyId: key.id, name: key.name };
      return next();
    }
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? await resolveSession(db, token) : null;
    req.actor =
      session && token
        ? {
            kind: 'user',
            user: session.user,
            role: session.user.role,
            csrfToken: session.csrfToken,
            sessionToken: token,
          }
        : { kind: 'anonymous' };
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The gate of every route, built from its entry in the route table: role, API-key access, and
 * CSRF for cookie-authenticated writes (the session's token must come back in X-CSRF-Token).
 */
export function requireAccess(
  access: Access,
  allowApiKey: boolean,
  options: { isAllowedBeforePasswordChange?: boolean } = {},
): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (access === 'public') return next();
    const actor = req.actor ?? { kind: 'anonymous' };
    if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'sign in first', { path: [] });
    if (actor.kind === 'apiKey') {
      if (!allowApiKey || !SAFE_METHODS.has(req.method) || access === 'admin') {
        throw new AppError('forbidden', 'API keys are read-only and cannot use this route', { path: [] });
      }
      return next();
    }
    // After an admin's reset the one-time password opens one door: choosing a new password.
    if (actor.user.mustChangePassword && !options.isAllowedBeforePasswordChange) {
      throw new AppError('password_change_required', 'choose a new password first (POST /api/session/password)', {
        path: [],
      });
    }
    if (ROLE_RANK[actor.role] < ROLE_RANK[access]) {
      throw new AppError('forbidden', `this needs the ${access} role; you are ${actor.role}`, { path: [] });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER) ?? '';
      if (!safeEqual(sent, actor.csrfToken))
        throw new AppError('csrf_failed', 'missing or wrong X-CSRF-Token header', { path: [] });
    }
    next();
  };
}

/** The name recorded with a verdict: the user's display name, never their e-mail (it goes out to consumers). */
export function actorName(actor: Actor | undefined): string {
  if (!actor || actor.kind === 'anonymous') return 'anonymous';
  return actor.kind === 'user' ? actor.user.name || defaultDisplayName(actor.user.email) : `key:${actor.name}`;
}
