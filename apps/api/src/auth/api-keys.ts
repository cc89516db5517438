import type { Database } from '@claimdesk/db';
import type { ApiKey } from '@claimdesk/contracts';
import { AppError } from '../errors.ts';
import { randomToken, safeEqual, sha256 } from './secrets.ts';

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** `cd_<prefix>_<secret>`: the prefix finds the row, the secret's hash proves the key. */
export async function createApiKey(db: Database, name: string): Promise<ApiKey & { key: string }> {
  const prefix = randomToken(6).replace(/[-_]/g, 'x');
  const secret = randomToken(32);
  const key = `cd_${prefix}_${secret}`;
  const row = await db.prisma.apiKey.create({ data: { name, prefix, keyHash: sha256(key) } });
  return { ...toApiKey(row), key };
}

export async function listApiKeys(db: Database): Promise<ApiKey[]> {
  const rows = await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } });
  return rows.map(toApiKey);
}

export async function revokeApiKey(db: Database, idOrPrefix: string, now = new Date()): Promise<ApiKey> {
  const row = await db.prisma.apiKey.findFirst({ where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }] } });
  if (!row) throw new AppError('not_found', `no API key ${idOrPrefix}`, { path: [] });
  const updated = row.revokedAt
    ? row
    : await db.prisma.apiKey.update({ where: { id: row.id }, data: { revokedAt: now } });
  return toApiKey(updated);
}

/** The key's row when the key is valid and not revoked, else null. */
export async function resolveApiKey(db: Database, key: string, now = new Date()): Promise<ApiKey | null> {
  const match = /^cd_([A-Za-z0-9]+)_([A-Za-z0-9_-]+)$/.exec(key);
  if (!match?.[1]) return null;
  const row = await db.prisma.apiKey.findUnique({ where: { prefix: match[1] } });
  if (!row || row.revokedAt || !safeEqual(row.keyHash, sha256(key))) return null;
  // lastUsedAt is informational: update it at most once a minute to spare the database.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return toApiKey(row);
}
