import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { contentHash, decodeArticleBytes, deleteArticle, readEnv } from '@claimdesk/api';
import type { Database } from '@claimdesk/db';
import { CliError } from '../cli-error.ts';
import { articlesUsage } from '../usage.ts';
import { withDatabase } from './admin-db.ts';

/** An article by its id, or by a file holding the same text (its content hash). */
async function findArticle(db: Database, which: string) {
  const select = { id: true, title: true, publishedOn: true, outlet: true, _count: { select: { claims: true } } };
  if (existsSync(which)) {
    const text = decodeArticleBytes(readFileSync(which), { maxChars: readEnv().CLAIMDESK_MAX_ARTICLE_CHARS });
    const found = await db.prisma.article.findUnique({ where: { contentHash: contentHash(text) }, select });
    if (!found) throw new CliError(`articles delete: no stored article has the text of ${which}`, 1);
    return found;
  }
  const found = await db.prisma.article.findUnique({ where: { id: which }, select });
  if (!found) throw new CliError(`articles delete: no article with id ${which} (nor a file of that name)`, 1);
  return found;
}

export async function runArticles(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(articlesUsage);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'delete') throw new CliError(`articles: unknown subcommand "${sub}" (expected delete)\n${articlesUsage}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { yes: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [which] = positionals;
  if (!which || positionals.length > 1)
    throw new CliError(`articles delete: expected one ID or FILE\n${articlesUsage}`);
  return withDatabase(async (db) => {
    const article = await findArticle(db, which);
    const what = `"${article.title}" (${article.outlet ?? 'no outlet'}, ${article.publishedOn ?? 'no date'}; ${article._count.claims} claims, id ${article.id})`;
    if (!values.yes) {
      console.log(`would delete ${what} with its claims and verdicts`);
      console.log('nothing was deleted: add --yes to delete it');
      return 1;
    }
    const deleted = await deleteArticle(db, article.id, { id: null, name: `cli:${userInfo().username}` });
    console.log(
      `deleted ${what}: ${deleted.claimsRemoved} claims and ${deleted.verdictsRemoved} verdicts removed; audit event ${deleted.auditEventId}`,
    );
    return 0;
  });
}
