import { randomUUID } from 'node:crypto';
import type {
  ListSourcesQuery,
  SourceChangeResponse,
  SourceClaim,
  SourceDetail,
  SourceList,
  SourceSummary,
} from '@claimdesk/contracts';
import {
  listSourcesQuerySchema,
  mergeSourceRequestSchema,
  splitSourceRequestSchema,
  updateSourceRequestSchema,
} from '@claimdesk/contracts';
import type { Database, Prisma } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { foldName, foldText } from '../search/fold.ts';
import { refreshClaimSearchText } from '../search/search-claims.ts';
import { validate } from '../validate.ts';
import { chunks } from './chunks.ts';
import type { AuditActor } from './delete-article.ts';
import { LARGE_WRITE_TRANSACTION } from './import-article.ts';
import { type View, statusColumn } from './publication.ts';
import { addCount, emptyCounts } from './serialize.ts';

/**
 * Source entities: one per person or body. A claim's `sourceCanonical` is the spelling its article
 * used (after the parser's alias lexicon); the entity is the one holding the alias that spelling
 * folds to (`foldName`: case, accents, transliteration), kept in `Claim.sourceId`. Invariant:
 * every claim with a source belongs to the entity that owns the key of its spelling, so merging
 * moves aliases and claims together and a split moves one alias with the claims that used it.
 */
type Tx = Prisma.TransactionClient;

/** The key two spellings of one name share ("Zelenskiy", "Zelenskyy" -> "volodimir zelenski"). */
export const aliasKey = (name: string) => foldName(name);

/** The entity for each spelling, created (with its alias) when none holds it yet. Keyed by alias key. */
async function ensureSources(
  tx: Tx,
  provider: Database['provider'],
  names: Array<{ name: string; side: string }>,
): Promise<Map<string, string>> {
  const wanted = new Map<string, { name: string; side: string }>();
  for (const n of names) {
    const key = aliasKey(n.name);
    if (key && !wanted.has(key)) wanted.set(key, n);
  }
  const found = new Map<string, string>();
  const read = async (keys: string[]) => {
    for (const part of chunks(keys)) {
      for (const a of await tx.sourceAlias.findMany({
        where: { key: { in: part } },
        select: { key: true, sourceId: true },
      }))
        found.set(a.key, a.sourceId);
    }
  };
  await read([...wanted.keys()]);
  // In key order: two imports adding the same spellings take their locks in the same order (no deadlock).
  const missing = [...wanted.entries()]
    .filter(([key]) => !found.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (missing.length === 0) return found;
  const created = new Map<string, string>();
  for (const [key, { name, side }] of missing) {
    const id = randomUUID();
    created.set(key, id);
    await tx.source.create({ data: { id, name, side } });
    if (provider === 'postgresql') {
      // Another import may add the same spelling at the same moment: the first one's entity wins.
      await tx.$executeRaw`
        INSERT INTO "SourceAlias" ("id", "sourceId", "name", "key")
        VALUES (${randomUUID()}, ${id}, ${name}, ${key})
        ON CONFLICT ("key") DO NOTHING`;
    } else {
      // SQLite has one writer at a time: nobody else can add it inside this transaction.
      await tx.sourceAlias.create({ data: { sourceId: id, name, key } });
    }
  }
  await read(missing.map(([key]) => key));
  const lost = [...created.entries()].filter(([key, id]) => found.get(key) !== id).map(([, id]) => id);
  if (lost.length > 0) await tx.source.deleteMany({ where: { id: { in: lost } } });
  return found;
}

/**
 * Links every claim of an article to the entity of its spelling (creating entities for new names).
 * Called by every writer of claims' sources (import, re-parse, corrections, added claims) in its
 * transaction; it only touches claims whose link is missing or out of date.
 */
/**
 * Returns the entity each source name of the article now belongs to. An import passes the time
 * its rows were written as `updatedAt`, so it answers from the rows in hand (nothing read back).
 */
export async function linkArticleSources(
  tx: Tx,
  provider: Database['provider'],
  articleId: string,
  updatedAt?: Date,
): Promise<Map<string, string | null>> {
  const groups = await tx.claim.groupBy({
    by: ['sourceCanonical', 'side'],
    where: { articleId, sourceCanonical: { not: null } },
    orderBy: [{ sourceCanonical: 'asc' }, { side: 'asc' }],
  });
  // A new entity takes the side its claims give it (a known side over unknown).
  const sides = new Map<string, string>();
  for (const g of groups) {
    if (!g.sourceCanonical) continue;
    if (!sides.has(g.sourceCanonical) || sides.get(g.sourceCanonical) === 'unknown')
      sides.set(g.sourceCanonical, g.side);
  }
  const names = [...sides.entries()].map(([name, side]) => ({ name, side }));
  const byKey = await ensureSources(tx, provider, names);
  const linked = new Map<string, string | null>();
  for (const { name } of names) linked.set(name, byKey.get(aliasKey(name)) ?? null);
  // One statement for every spelling (a re-parse ran one per spelling, nine for a typical
  // article): each claim whose link is missing or out of date takes its spelling's entity.
  for (const part of chunks([...linked.entries()], 200)) {
    const pg = provider === 'postgresql';
    let n = 0;
    const p = () => (pg ? `CAST($${++n} AS text)` : '?');
    const values = part.map(() => `(${p()}, ${p()})`).join(', ');
    const stamp = pg ? `CAST($${++n} AS timestamp(3))` : '?';
    const article = pg ? `$${++n}` : '?';
    await tx.$executeRawUnsafe(
      `WITH v ("name", "sourceId") AS (VALUES ${values})
       UPDATE "Claim" SET "sourceId" = v."sourceId", "updatedAt" = ${stamp} FROM v
       WHERE "Claim"."articleId" = ${article} AND "Claim"."sourceCanonical" = v."name"
         AND ("Claim"."sourceId" IS NULL OR "Claim"."sourceId" <> COALESCE(v."sourceId", ''))`,
      ...part.flat(),
      updatedAt ?? new Date(),
      articleId,
    );
  }
  await tx.claim.updateMany({
    where: { articleId, sourceCanonical: null, sourceId: { not: null } },
    data: { sourceId: null },
  });
  // The same writers change what a claim is searched by.
  await refreshClaimSearchText(tx, articleId);
  return linked;
}

/**
 * The entity of each spelling in rows about to be inserted (an import), as `linkArticleSources`
 * would link them once stored: the same spellings in the same order, the same side for a new
 * entity; so the claims are written with their `sourceId` and nothing is read back or updated.
 */
export async function sourcesForNewClaims(
  tx: Tx,
  provider: Database['provider'],
  claims: Array<{ sourceCanonical: string | null; side: string }>,
): Promise<Map<string, string | null>> {
  const pairs = new Map<string, { name: string; side: string }>();
  for (const c of claims)
    if (c.sourceCanonical) pairs.set(`${c.sourceCanonical}\u0000${c.side}`, { name: c.sourceCanonical, side: c.side });
  const groups = [...pairs.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.side < b.side ? -1 : a.side > b.side ? 1 : 0,
  );
  // A new entity takes the side its claims give it (a known side over unknown).
  const sides = new Map<string, string>();
  for (const g of groups) if (!sides.has(g.name) || sides.get(g.name) === 'unknown') sides.set(g.name, g.side);
  const names = [...sides.entries()].map(([name, side]) => ({ name, side }));
  const byKey = names.length > 0 ? await ensureSources(tx, provider, names) : new Map<string, string>();
  return new Map(names.map(({ name }) => [name, byKey.get(aliasKey(name)) ?? null]));
}

/** Links the claims stored before source entities existed (`claimdesk serve` runs it in the background). */
export async function linkUnlinkedSources(db: Database): Promise<number> {
  const articles = await db.prisma.claim.findMany({
    where: { sourceId: null, sourceCanonical: { not: null } },
    select: { articleId: true },
    distinct: ['articleId'],
  });
  for (const { articleId } of articles) {
    await db.prisma.$transaction((tx) => linkArticleSources(tx, db.provider, articleId), LARGE_WRITE_TRANSACTION);
  }
  return articles.length;
}

type SourceRow = {
  id: string;
  name: string;
  side: string;
  role: string | null;
  aliases: Array<{ id: string; name: string; key: string }>;
};

const sourceSelect = {
  id: true,
  name: true,
  side: true,
  role: true,
  aliases: { select: { id: true, name: true, key: true }, orderBy: { createdAt: 'asc' } },
} as const;

/** Claim counts per entity and per alias key, rejected claims left out. */
async function countClaims(db: Database, sourceIds?: string[]) {
  const groups = await db.prisma.claim.groupBy({
    by: ['sourceId', 'sourceCanonical'],
    where: { isRejected: false, sourceId: sourceIds ? { in: sourceIds } : { not: null } },
    _count: { _all: true },
  });
  const bySource = new Map<string, number>();
  const byAlias = new Map<string, number>();
  const spellings = new Map<string, string[]>();
  for (const g of groups) {
    if (!g.sourceId) continue;
    bySource.set(g.sourceId, (bySource.get(g.sourceId) ?? 0) + g._count._all);
    const key = `${g.sourceId} ${aliasKey(g.sourceCanonical ?? '')}`;
    byAlias.set(key, (byAlias.get(key) ?? 0) + g._count._all);
    if (g.sourceCanonical) spellings.set(key, [...(spellings.get(key) ?? []), g.sourceCanonical].sort());
  }
  return { bySource, byAlias, spellings };
}

function toSummary(row: SourceRow, counts: Awaited<ReturnType<typeof countClaims>>): SourceSummary {
  return {
    id: row.id,
    name: row.name,
    side: row.side as SourceSummary['side'],
    role: row.role,
    aliases: row.aliases.map((a) => ({
      id: a.id,
      name: a.name,
      spellings: counts.spellings.get(`${row.id} ${a.key}`) ?? [],
      claimCount: counts.byAlias.get(`${row.id} ${a.key}`) ?? 0,
    })),
    claimCount: counts.bySource.get(row.id) ?? 0,
  };
}

/** Entities, most claims first; `q` matches a name or alias as folded (case, accents, transliteration). */
export async function listSources(db: Database, input: ListSourcesQuery | unknown): Promise<SourceList> {
  const query = validate(listSourcesQuerySchema, input, []);
  const rows: SourceRow[] = await db.prisma.source.findMany({ select: sourceSelect });
  // The search fold, from the start of a word (as the search box: "Kyiv" is not in "Kharkiv").
  const q = query.q ? ` ${foldText(query.q)}` : '';
  const has = (name: string) => ` ${foldText(name)}`.includes(q);
  const matching = q ? rows.filter((r) => has(r.name) || r.aliases.some((a) => has(a.name))) : rows;
  const counts = await countClaims(db);
  const summaries = matching
    .map((r) => toSummary(r, counts))
    .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: summaries.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    total: summaries.length,
  };
}

/** The summary of one entity (the v1 claim detail carries it). */
export async function getSourceSummary(db: Database, id: string): Promise<SourceSummary | null> {
  const row = await db.prisma.source.findUnique({ where: { id }, select: sourceSelect });
  return row ? toSummary(row, await countClaims(db, [id])) : null;
}

export const SOURCE_CLAIM_LIMIT = 500;

/** An entity with its claims across articles (newest article first) and its verdict record. */
export async function getSource(db: Database, id: string, view: View = 'desk'): Promise<SourceDetail> {
  const row = await db.prisma.source.findUnique({ where: { id }, select: sourceSelect });
  if (!row) throw new AppError('not_found', `no source ${id}`, { path: ['id'] });
  const column = statusColumn(view);
  const [counts, statusGroups, claims] = await Promise.all([
    countClaims(db, [id]),
    db.prisma.claim.groupBy({
      by: [column],
      where: { sourceId: id, isRejected: false },
      _count: { _all: true },
    }),
    db.prisma.claim.findMany({
      where: { sourceId: id, isRejected: false },
      select: {
        id: true,
        articleId: true,
        kind: true,
        text: true,
        sourceCanonical: true,
        asOf: true,
        value: true,
        status: true,
        publishedStatus: true,
        article: { select: { title: true, outlet: true, publishedOn: true } },
      },
      orderBy: [{ publishedOn: 'desc' }, { articleId: 'asc' }, { ordinal: 'asc' }],
      take: SOURCE_CLAIM_LIMIT,
    }),
  ]);
  const record = emptyCounts();
  for (const g of statusGroups)
    addCount(record, (g as unknown as Record<string, string>)[column] ?? 'pending', g._count._all);
  return {
    ...toSummary(row, counts),
    record,
    claims: claims.map(
      (c): SourceClaim => ({
        id: c.id,
        articleId: c.articleId,
        articleTitle: c.article.title,
        outlet: c.article.outlet,
        publishedOn: c.article.publishedOn,
        kind: c.kind as SourceClaim['kind'],
        text: c.text,
        sourceCanonical: c.sourceCanonical,
        asOf: c.asOf,
        value: c.value,
        status: (view === 'public' ? c.publishedStatus : c.status) as SourceClaim['status'],
      }),
    ),
    claimLimit: SOURCE_CLAIM_LIMIT,
  };
}

/** Renames an entity (the new name becomes one of its aliases), or sets its side or role. */
export async function updateSource(db: Database, id: string, input: unknown): Promise<SourceDetail> {
  const body = validate(updateSourceRequestSchema, input);
  await db.prisma.$transaction(async (tx) => {
    const row = await tx.source.findUnique({ where: { id }, select: { id: true } });
    if (!row) throw new AppError('not_found', `no source ${id}`, { path: ['id'] });
    if (body.name !== undefined) {
      const key = aliasKey(body.name);
      if (!key) throw new AppError('validation_error', 'a name needs a letter or digit', { path: ['name'] });
      const holder = await tx.sourceAlias.findUnique({ where: { key }, include: { source: true } });
      if (holder && holder.sourceId !== id)
        throw new AppError('conflict', `"${body.name}" is a spelling of ${holder.source.name}: merge the two instead`, {
          path: ['name'],
        });
      if (!holder) await tx.sourceAlias.create({ data: { sourceId: id, name: body.name, key } });
    }
    await tx.source.update({
      where: { id },
      data: {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.side !== undefined ? { side: body.side } : {}),
        ...(body.role !== undefined ? { role: body.role } : {}),
      },
    });
  });
  return getSource(db, id);
}

/**
 * Moves claims to an entity. Each is a new state of the claim: its version goes up (an editor's
 * form opened before gets 409 and the new state), its updatedAt moves, and it has a change, so a
 * v1 sync consumer receives it with its new sourceId and version.
 */
async function moveClaims(tx: Tx, claimIds: string[], sourceId: string) {
  const updatedAt = new Date();
  for (const part of chunks(claimIds)) {
    await tx.claim.updateMany({
      where: { id: { in: part } },
      data: { sourceId, updatedAt, version: { increment: 1 } },
    });
    await tx.claimChange.createMany({ data: part.map((claimId) => ({ claimId })) });
  }
}

/**
 * Merges entity `id` into another: its aliases and every one of its claims move there and it is
 * removed, in one transaction with an audit event.
 */
export async function mergeSource(
  db: Database,
  id: string,
  input: unknown,
  actor: AuditActor,
): Promise<SourceChangeResponse> {
  const { into } = validate(mergeSourceRequestSchema, input);
  if (into === id) throw new AppError('validation_error', 'a source cannot be merged into itself', { path: ['into'] });
  const result = await db.prisma.$transaction(async (tx) => {
    const from = await tx.source.findUnique({ where: { id }, select: sourceSelect });
    if (!from) throw new AppError('not_found', `no source ${id}`, { path: ['id'] });
    const target = await tx.source.findUnique({ where: { id: into }, select: { id: true, name: true } });
    if (!target) throw new AppError('not_found', `no source ${into}`, { path: ['into'] });
    const claimIds = (await tx.claim.findMany({ where: { sourceId: id }, select: { id: true } })).map((c) => c.id);
    await moveClaims(tx, claimIds, into);
    await tx.sourceAlias.updateMany({ where: { sourceId: id }, data: { sourceId: into } });
    await tx.source.delete({ where: { id } });
    const event = await tx.auditEvent.create({
      data: {
        action: 'source.merged',
        actorId: actor.id,
        actorName: actor.name,
        subjectType: 'source',
        subjectId: into,
        details: JSON.stringify({
          merged: { id: from.id, name: from.name, side: from.side, role: from.role },
          into: target,
          aliases: from.aliases.map((a) => a.name),
          claimsMoved: claimIds.length,
          ...(actor.email ? { actorEmail: actor.email } : {}),
        }),
      },
    });
    return { claimsMoved: claimIds.length, auditEventId: event.id };
  }, LARGE_WRITE_TRANSACTION);
  return { source: await getSource(db, into), ...result };
}

/** Splits one alias off into an entity of its own, with every claim that used that spelling. */
export async function splitSource(
  db: Database,
  id: string,
  input: unknown,
  actor: AuditActor,
): Promise<SourceChangeResponse> {
  const { aliasId } = validate(splitSourceRequestSchema, input);
  const result = await db.prisma.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id }, select: sourceSelect });
    if (!source) throw new AppError('not_found', `no source ${id}`, { path: ['id'] });
    const alias = source.aliases.find((a) => a.id === aliasId);
    if (!alias) throw new AppError('not_found', `source ${id} has no alias ${aliasId}`, { path: ['aliasId'] });
    if (source.aliases.length === 1)
      throw new AppError('conflict', `"${alias.name}" is the only spelling of ${source.name}: nothing to split`, {
        path: ['aliasId'],
      });
    const created = await tx.source.create({ data: { name: alias.name, side: source.side } });
    await tx.sourceAlias.update({ where: { id: alias.id }, data: { sourceId: created.id } });
    const claimIds = (await tx.claim.findMany({ where: { sourceId: id }, select: { id: true, sourceCanonical: true } }))
      .filter((c) => aliasKey(c.sourceCanonical ?? '') === alias.key)
      .map((c) => c.id);
    await moveClaims(tx, claimIds, created.id);
    const event = await tx.auditEvent.create({
      data: {
        action: 'source.split',
        actorId: actor.id,
        actorName: actor.name,
        subjectType: 'source',
        subjectId: created.id,
        details: JSON.stringify({
          from: { id: source.id, name: source.name },
          alias: alias.name,
          claimsMoved: claimIds.length,
          ...(actor.email ? { actorEmail: actor.email } : {}),
        }),
      },
    });
    return { id: created.id, claimsMoved: claimIds.length, auditEventId: event.id };
  }, LARGE_WRITE_TRANSACTION);
  return { source: await getSource(db, result.id), claimsMoved: result.claimsMoved, auditEventId: result.auditEventId };
}
