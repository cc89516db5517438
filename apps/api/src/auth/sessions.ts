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

type SessionUserRow = Parameters<typeof toUser>[0] & { sessionId: string; csrfToken: string; expiresAt: Date };

export async function resolveSession(db: Database, token: string, now = new Date()): Promise<SessionContext | null> {
  // Every signed-in request asks this: one statement (the ORM's include would be two).
  const [session] = await db.prisma.$queryRaw<SessionUserRow[]>`
    SELECT s."id" AS "sessionId", s."csrfToken", s."expiresAt",
           u."id", u."email", u."name", u."role", u."isDisabled", u."mustChangePassword", u."createdAt"
    FROM "Session" AS s JOIN "User" AS u ON u."id" = s."userId"
    WHERE s."id" = ${sha256(token)}`;
  if (!session) return null;
  if (session.expiresAt <= now || session.isDisabled) {
    await db.prisma.session.deleteMany({ where: { id: session.sessionId } });
    return null;
  }
  return { user: toUser(session), csrfToken: session.csrfToken, sessionId: session.sessionId };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.prisma.session.deleteMany({ where: { id: sha256(token) } });
}
