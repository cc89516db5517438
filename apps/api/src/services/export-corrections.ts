import type { Database } from '@claimdesk/db';

type SpanJson = { text: string; start: number; end: number } | null;
const span = (text: string | null, start: number | null, end: number | null): SpanJson =>
  text !== null && start !== null && end !== null ? { text, start, end } : null;

/** One article in the claim-format shape (../shared/docs/claim-format.md), as the desk now has it. */
export interface CorrectedArticle {
  /** The file name without `.txt`: the export writes `<name>.txt` and `<name>.json`. */
  name: string;
  text: string;
  corrections: number;
  json: {
    file: string;
    parserVersion: string;
    publishedOn: string | null;
    dateline: string[];
    outlet: string | null;
    byline: string | null;
    statements: Array<{
      id: string;
      source: SpanJson;
      sourceCanonical: string | null;
      sourceSide: string;
      cue: SpanJson;
      content: { text: string; start: number; end: number };
      direct: boolean;
      asOf: string | null;
      figures: Array<{
        text: string;
        start: number;
        end: number;
        value: number;
        qualifier: string;
        category: string;
        kind: string | null;
        unit: string;
        subject: string;
        since: string | null;
      }>;
    }>;
  };
}

const safeName = (fileName: string) => fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');

/**
 * Every article with at least one correction, as the parser read it with the editors' corrections
 * applied: rejected claims are left out (a rejected statement with its figures; a statement whose
 * only claims were rejected figures, as a merged tally line is), added ones are in. Scored with
 * `npm run eval -- --gold DIR --articles DIR`, the desk's corrections become parser test cases.
 */
export async function exportCorrectedArticles(db: Database): Promise<CorrectedArticle[]> {
  const articles = await db.prisma.article.findMany({
    where: { claims: { some: { corrections: { some: {} } } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: {
      statements: { orderBy: [{ contentStart: 'asc' }, { ordinal: 'asc' }] },
      claims: {
        orderBy: [{ start: 'asc' }, { ordinal: 'asc' }],
        include: { _count: { select: { corrections: true } } },
      },
    },
  });
  const used = new Set<string>();
  return articles.map((a) => {
    let name = a.fileName ? safeName(a.fileName) : `article-${a.id}`;
    if (used.has(name)) name = `${name}-${a.id.slice(0, 8)}`;
    used.add(name);
    const statements = a.statements.flatMap((s) => {
      const claims = a.claims.filter((c) => c.statementId === s.id);
      const own = claims.find((c) => c.kind === 'statement');
      const figures = claims.filter((c) => c.kind === 'figure');
      if (own?.isRejected) return [];
      if (!own && figures.length > 0 && figures.every((f) => f.isRejected)) return [];
      return [
        {
          id: s.key,
          source: span(s.sourceText, s.sourceStart, s.sourceEnd),
          sourceCanonical: s.sourceCanonical,
          sourceSide: s.side,
          cue: span(s.cueText, s.cueStart, s.cueEnd),
          content: { text: s.contentText, start: s.contentStart, end: s.contentEnd },
          direct: s.direct,
          asOf: s.asOf,
          figures: figures
            .filter((f) => !f.isRejected && f.value !== null)
            .map((f) => ({
              text: f.text,
              start: f.start,
              end: f.end,
              value: f.value ?? 0,
              qualifier: f.qualifier ?? 'exact',
              category: f.category ?? 'other',
              kind: f.figureKind,
              unit: f.unit ?? '',
              subject: f.subject ?? 'unknown',
              since: f.since,
            })),
        },
      ];
    });
    return {
      name,
      text: a.text,
      corrections: a.claims.reduce((n, c) => n + c._count.corrections, 0),
      json: {
        file: `${name}.txt`,
        parserVersion: a.parserVersion,
        publishedOn: a.publishedOn,
        dateline: JSON.parse(a.dateline) as string[],
        outlet: a.outlet,
        byline: a.byline,
        statements,
      },
    };
  });
}
