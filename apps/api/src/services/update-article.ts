import { type ArticleDetail, updateArticleRequestSchema } from '@claimdesk/contracts';
import type { Database } from '@claimdesk/db';
import { AppError } from '../errors.ts';
import { validate } from '../validate.ts';
import { getArticle } from './get-article.ts';

/** Sets (or with null, removes) where an article was originally published. */
export async function updateArticle(db: Database, articleId: string, input: unknown): Promise<ArticleDetail> {
  const body = validate(updateArticleRequestSchema, input);
  const { count } = await db.prisma.article.updateMany({ where: { id: articleId }, data: { url: body.url } });
  if (count === 0) throw new AppError('not_found', `no article ${articleId}`, { path: ['id'] });
  return getArticle(db, articleId);
}
