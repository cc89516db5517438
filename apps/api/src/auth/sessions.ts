import type { Database } from '@claimdesk/db';
import type { User } from '@claimdesk/contracts';
import { AppError } from '../errors.ts';
import { getDecoyHash, randomToken, sha256, verifyPassword } from './secrets.ts';
import { toUser } from './users.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionContext {
  user: User;
  csrfToken: string;
  sessionId: string;
}

/** Checks a password and opens a session. The token goes to the cookie only; the row keeps its hash. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Expired sessions are deleted at sign-in, by each app at most once a minute (a session is also
 * deleted when it is presented after it expired).
 */
export function createSessionPruner() {
  let lastPrunedAt = Number.NEGATIVE_INFINITY;
  return async (db: Database, now = new Date()): Promise<void> => {
    if (now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return;
    lastPrunedAt = now.getTime();
    await db.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  };
}

export async function login(db: Database, email: string, password: string, now = new Date()) {
  const row = await db.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Verify against a decoy for unknown emails so response time does not tell which emails exist.
  const isValid = await verifyPassword(row?.passwordHash ?? (await getDecoyHash()), password);
  if (!row || !isValid) throw new AppError('unauthorized', 'wrong email or password', { path: [] });
  if (row.isDisabled) throw new AppError('forbidden', 'this account is disabled; ask an admin', { path: [] });
  const token = randomToken();
  const csrfToken = randomToken();
  await db.prisma.session.create({
    data: { id: sha256(token), userId: row.id, csrfToken, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
  });
  return { token, csrfToken, user: toUser(row) };
}

export async function resolveSession(db: Database, token: string, now = new Date()): Promise<SessionContext | null> {
  const session = await db.prisma.session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt <= now || session.user.isDisabled) {
    await db.prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { user: toUser(session.user), csrfToken: session.csrfToken, sessionId: session.id };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.prisma.session.deleteMany({ where: { id: sha256(token) } });
}
