import type { SearchResults, searchQuerySchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import type { z } from 'zod';
import { highlight } from '../search/highlight.ts';
import { articlesWithTerm, searchTerms } from '../search/search-claims.ts';
import { listClaims } from './list-claims.ts';
import type { View } from './publication.ts';
import { listSources } from './source-entities.ts';

type SearchQuery = z.output<typeof searchQuerySchema>;

/**
 * The search page: the first `limit` claims (the queue's search, search-page.ts: in the index,
 * article order), the sources whose name or alias matches, and the articles whose title or outlet
 * holds every word, each with the ranges the words matched.
 */
export async function searchAll(db: Database, query: SearchQuery, view: View): Promise<SearchResults> {
  const terms = searchTerms(query.q);
  const empty = { total: 0, items: [] };
  if (terms.length === 0)
    return { q: query.q, claims: { ...empty, totalCapped: false }, sources: empty, articles: empty };
  const [claims, sources, articleIds] = await Promise.all([
    listClaims(
      db,
      { q: query.q, page: 1, pageSize: query.limit, sort: 'article', order: 'asc', rejected: 'exclude' },
      view,
    ),
    listSources(db, { q: query.q, pageSize: query.limit }),
    // Every word in the title or outlet: the intersection of each word's articles.
    Promise.all(terms.map((t) => articlesWithTerm(db, t))).then((lists) =>
      (lists[0] ?? []).filter((id) => lists.every((l) => l.includes(id))),
    ),
  ]);
  const articles = await db.prisma.article.findMany({
    where: { id: { in: articleIds.slice(0, 500) } },
    select: { id: true, title: true, outlet: true, publishedOn: true },
    orderBy: [{ publishedOn: 'desc' }, { id: 'asc' }],
    take: query.limit,
  });
  return {
    q: query.q,
    claims: {
      total: claims.total,
      totalCapped: claims.totalCapped,
      items: claims.items.map((c) => ({
        id: c.id,
        articleId: c.articleId,
        kind: c.kind,
        text: c.text,
        textHighlights: highlight(c.text, terms),
        sourceCanonical: c.sourceCanonical,
        sourceHighlights: highlight(c.sourceCanonical, terms),
        status: c.status,
      })),
    },
    sources: {
      total: sources.total,
      items: sources.items.map((s) => {
        const nameHighlights = highlight(s.name, terms);
        return {
          id: s.id,
          name: s.name,
          nameHighlights,
          side: s.side,
          matchedAliases: s.aliases
            .filter((a) => a.name !== s.name)
            .map((a) => ({ name: a.name, highlights: highlight(a.name, terms) }))
            .filter((a) => a.highlights.length > 0),
          claimCount: s.claimCount,
        };
      }),
    },
    articles: {
      total: articleIds.length,
      items: articles.map((a) => ({
        id: a.id,
        title: a.title,
        titleHighlights: highlight(a.title, terms),
        outlet: a.outlet,
        outletHighlights: highlight(a.outlet, terms),
        publishedOn: a.publishedOn,
      })),
    },
  };
}
