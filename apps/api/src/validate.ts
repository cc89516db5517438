import type { z } from 'zod';
import { AppError, type ErrorPath } from './errors.ts';

/** Parses input with a contract schema; every problem is listed, the first names the path. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, prefix: ErrorPath = []): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    message: issue.message,
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
  }));
  const first = issues[0] ?? { message: 'invalid input', path: prefix };
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new AppError('validation_error', `${where}${first.message}`, { path: first.path, issues });
}
