import { extname } from 'node:path';
import { type OutboundPolicy, checkTarget, getFrom } from '../consumer/outbound.ts';
import { AppError } from '../errors.ts';
import type { ArticleLimits } from './check-article-text.ts';

const EXTENSION_BY_TYPE: Array<[RegExp, string]> = [
  [/html/i, '.html'],
  [/ndjson|jsonl/i, '.ndjson'],
  [/json/i, '.json'],
  [/csv/i, '.csv'],
  [/text\/plain/i, '.txt'],
];

/**
 * Fetches an article file by URL for import, through the webhooks' outbound guard (only public
 * addresses, or ones in CLAIMDESK_WEBHOOK_ALLOW; the checked address is the one connected to),
 * within a timeout and a size cap; redirects are not followed. The name it gets carries the
 * extension of its content type, which chooses the format.
 */
export async function fetchArticleFile(
  url: string,
  options: { policy: OutboundPolicy; limits: ArticleLimits; timeoutMs?: number },
): Promise<{ fileName: string; bytes: Buffer }> {
  const parsed = new URL(url);
  const refuse = (message: string) => new AppError('validation_error', message, { path: ['url'] });
  let target: { address: string; family: 4 | 6 };
  try {
    target = await checkTarget(options.policy, parsed);
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  let answer: Awaited<ReturnType<typeof getFrom>>;
  try {
    answer = await getFrom(parsed, target, {
      connectTimeoutMs: Math.min(timeoutMs, 5_000),
      timeoutMs,
      maxBytes: options.limits.maxChars * 4,
    });
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  if (answer.status >= 300 && answer.status < 400)
    throw refuse(`answered ${answer.status}: redirects are not followed`);
  if (answer.status < 200 || answer.status >= 300) throw refuse(`answered ${answer.status}`);
  const base = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '') || parsed.hostname;
  const byType = EXTENSION_BY_TYPE.find(([pattern]) => pattern.test(answer.contentType))?.[1];
  const ext = byType ?? (extname(base) || '.html');
  const fileName = extname(base).toLowerCase() === ext ? base : `${base}${ext}`;
  return { fileName, bytes: answer.body };
}
