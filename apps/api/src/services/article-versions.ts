import type {
  ArticleVersionDiff,
  ArticleVersionList,
  VersionChanges,
  articleVersionDiffQuerySchema,
} from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { diffArrays } from 'diff';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

function readChanges(json: string): VersionChanges | null {
  try {
    const c = JSON.parse(json) as Partial<VersionChanges>;
    if (typeof c.kept !== 'number') return null;
    return { kept: c.kept, added: c.added ?? 0, removed: c.removed ?? 0, notFound: c.notFound ?? 0 };
  } catch {
    return null;
  }
}

/**
 * Every version of an article, the first first. An `ArticleVersion` row holds a replaced text:
 * it was stored when the version before it was replaced (or with the article, for the first), and
 * its `changes` are what the next version changed.
 */
export async function listArticleVersions(db: Database, articleId: string): Promise<ArticleVersionList> {
  const [article, older] = await db.prisma.$transaction([
    db.prisma.article.findUnique({
      where: { id: articleId },
      select: { version: true, title: true, createdAt: true, storedBy: true },
    }),
    db.prisma.articleVersion.findMany({
      where: { articleId },
      select: { version: true, title: true, createdAt: true, storedBy: true, changes: true },
      orderBy: { version: 'asc' },
    }),
  ]);
  if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  const texts = [
    ...older.map((v) => ({ version: v.version, title: v.title, storedBy: v.storedBy })),
    { version: article.version, title: article.title, storedBy: article.storedBy },
  ];
  return {
    items: texts.map((t, i) => {
      const before = i > 0 ? older[i - 1] : undefined;
      return {
        version: t.version,
        storedAt: (before?.createdAt ?? article.createdAt).toISOString(),
        storedBy: t.storedBy,
        title: t.title,
        current: t.version === article.version,
        changes: before ? readChanges(before.changes) : null,
      };
    }),
  };
}

/** A sentence with the space after it; a line break ends one too, so paragraphs stay apart. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["'”’»)\]]*[ \t]+|\n)/).filter((s) => s !== '');
}

/** Unchanged text longer than this is shown as its first and last sentences around what is left out. */
const CONTEXT_CHARS = 400;
/** A diff of more edits than this (sentences) is shown as the one text replacing the other. */
const MAX_EDITS = 4_000;

/** What changed between two versions of an article's text, sentence by sentence. */
export async function diffArticleVersions(
  db: Database,
  articleId: string,
  query: z.output<typeof articleVersionDiffQuerySchema>,
): Promise<ArticleVersionDiff> {
  const article = await db.prisma.article.findUnique({
    where: { id: articleId },
    select: { version: true, text: true },
  });
  if (!article) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  const to = query.to ?? article.version;
  const from = query.from ?? Math.max(1, to - 1);
  const textOf = async (version: number, name: 'from' | 'to') => {
    if (version === article.version) return article.text;
    const row =
      version < article.version
        ? await db.prisma.articleVersion.findUnique({
            where: { articleId_version: { articleId, version } },
            select: { text: true },
          })
        : null;
    if (!row)
      throw new AppError('not_found', `article ${articleId} has no version ${version} (1 to ${article.version})`, {
        path: [name],
      });
    return row.text;
  };
  const [a, b] = [await textOf(from, 'from'), await textOf(to, 'to')];
  const changes = diffArrays(sentences(a), sentences(b), { maxEditLength: MAX_EDITS }) ?? [
    { value: [a], removed: true, added: false, count: 1 },
    { value: [b], removed: false, added: true, count: 1 },
  ];
  const parts: ArticleVersionDiff['parts'] = [];
  let added = 0;
  let removed = 0;
  for (const [i, c] of changes.entries()) {
    if (c.added || c.removed) {
      if (c.added) added += c.value.length;
      else removed += c.value.length;
      parts.push({ kind: c.added ? 'added' : 'removed', text: c.value.join('') });
      continue;
    }
    const text = c.value.join('');
    if (text.length <= CONTEXT_CHARS || c.value.length <= 2) {
      parts.push({ kind: 'same', text });
      continue;
    }
    // The sentence next to each change stays; the stretch between is left out.
    const head = i > 0 ? (c.value[0] ?? '') : '';
    const tail = i < changes.length - 1 ? (c.value.at(-1) ?? '') : '';
    if (head) parts.push({ kind: 'same', text: head });
    parts.push({ kind: 'skipped', text: '', chars: text.length - head.length - tail.length });
    if (tail) parts.push({ kind: 'same', text: tail });
  }
  return { from, to, parts, added, removed };
}
