import type { Database } from '@claimdesk/db';
import type { Role, User } from '@claimdesk/contracts';
import { AppError } from '../errors.ts';
import { checkPasswordStrength } from './password-policy.ts';
import { hashPassword, randomToken, verifyPassword } from './secrets.ts';

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  isDisabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
};

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    isDisabled: row.isDisabled,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The name shown for an account without one: the part of its address before the @. */
export function defaultDisplayName(email: string): string {
  return email.split('@')[0] || email;
}

export async function createUser(
  db: Database,
  input: { email: string; name?: string; password: string; role: Role },
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.prisma.user.findUnique({ where: { email } });
  if (existing) throw new AppError('conflict', `a user with email ${email} already exists`, { path: ['email'] });
  checkPasswordStrength(input.password, [email, input.name ?? ''], ['password']);
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.prisma.user.create({
      data: { email, name: input.name?.trim() || defaultDisplayName(email), passwordHash, role: input.role },
    });
    return toUser(row);
  } catch (error) {
    // Two admins adding the same email at once: the unique index decides, the loser gets 409.
    if ((error as { code?: unknown } | null)?.code === 'P2002') {
      throw new AppError('conflict', `a user with email ${email} already exists`, { path: ['email'] });
    }
    throw error;
  }
}

export async function listUsers(db: Database): Promise<User[]> {
  const rows = await db.prisma.user.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map(toUser);
}

async function findUser(db: Database, idOrEmail: string) {
  const key = idOrEmail.trim();
  const row = key.includes('@')
    ? await db.prisma.user.findUnique({ where: { email: key.toLowerCase() } })
    : await db.prisma.user.findUnique({ where: { id: key } });
  if (!row) throw new AppError('not_found', `no user ${idOrEmail}`, { path: [] });
  return row;
}

/**
 * Changes a user's display name or role, or disables them. The last active admin cannot be demoted or disabled:
 * an installation without an admin cannot be administered.
 */
export async function updateUser(
  db: Database,
  idOrEmail: string,
  change: { role?: Role; isDisabled?: boolean; name?: string },
): Promise<User> {
  const row = await findUser(db, idOrEmail);
  const losesAdmin =
    row.role === 'admin' && !row.isDisabled && ((change.role && change.role !== 'admin') || change.isDisabled === true);
  if (losesAdmin) {
    const admins = await db.prisma.user.count({ where: { role: 'admin', isDisabled: false } });
    if (admins <= 1)
      throw new AppError('conflict', 'this is the last active admin: make another admin first', {
        path: change.role ? ['role'] : ['isDisabled'],
      });
  }
  const updated = await db.prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: row.id },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(change.isDisabled !== undefined ? { isDisabled: change.isDisabled } : {}),
        ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      },
    });
    // A disabled user or a changed role takes effect at once: end their sessions. A new name alone
    // changes no right, so it keeps them signed in.
    if (change.role !== undefined || change.isDisabled !== undefined)
      await tx.session.deleteMany({ where: { userId: row.id } });
    return user;
  });
  return toUser(updated);
}

/**
 * The first admin: from CLAIMDESK_ADMIN_EMAIL / CLAIMDESK_ADMIN_PASSWORD, else admin@localhost with
 * a random password that the caller prints once. Does nothing when an admin exists.
 */
export async function ensureFirstAdmin(
  db: Database,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  // "First" means no admin yet: accounts made earlier with `claimdesk users create` do not count.
  // Raw SQL: every start asks this, and the first ORM query of a process costs most of a second
  // (Prisma's query compiler starting up), which would delay serving.
  const admins = await db.prisma.$queryRaw<unknown[]>`SELECT 1 FROM "User" WHERE "role" = 'admin' LIMIT 1`;
  if (admins.length > 0) return null;
  const email = (env.email?.trim() || 'admin@localhost').toLowerCase();
  if (await db.prisma.user.findUnique({ where: { email } })) return null;
  const generatedPassword = env.password ? null : randomToken(18);
  try {
    await createUser(db, {
      email,
      name: 'Administrator',
      password: env.password ?? generatedPassword ?? '',
      role: 'admin',
    });
  } catch (error) {
    // Another API process starting at the same moment made it first.
    if (error instanceof AppError && error.code === 'conflict') return null;
    throw error;
  }
  return { email, generatedPassword };
}

/**
 * Sets a user's password and ends every session of theirs. Without a password, a random one is
 * made (returned once) and must be changed at the next sign-in: an admin's reset, or
 * `claimdesk users set-password` without --password-stdin.
 */
export async function setPassword(
  db: Database,
  idOrEmail: string,
  password: string | null,
): Promise<{ user: User; password: string | null }> {
  const row = await findUser(db, idOrEmail);
  if (password !== null) checkPasswordStrength(password, [row.email, row.name], ['password']);
  const oneTime = password === null ? randomToken(18) : null;
  const passwordHash = await hashPassword(password ?? oneTime ?? '');
  const updated = await db.prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: row.id },
      data: { passwordHash, mustChangePassword: oneTime !== null },
    });
    await tx.session.deleteMany({ where: { userId: row.id } });
    return user;
  });
  return { user: toUser(updated), password: oneTime };
}

/**
 * A signed-in user changes their own password. The current password is required (a session left
 * open on a shared screen must not be enough), and every other session of theirs ends: whoever
 * knew the old password is signed out.
 */
export async function changeOwnPassword(
  db: Database,
  userId: string,
  keepSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!row) throw new AppError('unauthorized', 'sign in first', { path: [] });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('validation_error', 'currentPassword: this is not your current password', {
      path: ['currentPassword'],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_error', 'newPassword: choose a password other than the current one', {
      path: ['newPassword'],
    });
  }
  checkPasswordStrength(input.newPassword, [row.email, row.name], ['newPassword']);
  const passwordHash = await hashPassword(input.newPassword);
  await db.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: row.id }, data: { passwordHash, mustChangePassword: false } });
    await tx.session.deleteMany({ where: { userId: row.id, id: { not: keepSessionId } } });
  });
}
