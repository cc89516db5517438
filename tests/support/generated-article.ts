import { randomUUID } from 'node:crypto';
import type { TestDatabase } from './test-databases.ts';

/**
 * An article with one statement, written straight into the database, to hang generated claims on
 * (queues of 20,000 claims, a dated series for the chart) without running the parser. Claims
 * written beside it must copy its `publishedOn`, as import does.
 */
export async function createGeneratedArticle(
  test: TestDatabase,
  { title, text = `${title}.`, publishedOn = '2022-03-01' }: { title: string; text?: string; publishedOn?: string },
): Promise<{ articleId: string; statementId: string; publishedOn: string }> {
  const articleId = randomUUID();
  const statementId = randomUUID();
  await test.db.prisma.article.create({
    data: {
      id: articleId,
      text,
      contentHash: `generated-${articleId}`,
      title,
      publishedOn,
      parserVersion: 'generated',
    },
  });
  await test.db.prisma.statement.create({
    data: {
      id: statementId,
      articleId,
      key: 's1',
      ordinal: 0,
      side: 'ukraine',
      contentText: 'generated',
      contentStart: 0,
      contentEnd: 9,
      direct: false,
    },
  });
  return { articleId, statementId, publishedOn };
}
