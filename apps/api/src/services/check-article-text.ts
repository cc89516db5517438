import { AppError } from '../errors.ts';

/** Article texts are news pieces, not books: 2 million characters is far beyond any real one. */
export const DEFAULT_MAX_ARTICLE_CHARS = 2_000_000;

export interface ArticleLimits {
  /** Characters (UTF-16 code units, as offsets count them); CLAIMDESK_MAX_ARTICLE_CHARS. */
  maxChars: number;
}

/** More than this share of control, private-use or unassigned characters is not readable text. */
const MAX_UNPRINTABLE_SHARE = 0.1;
// Tab, line feed, form feed and carriage return are layout, not noise.
const UNPRINTABLE = /[\p{Cc}\p{Co}\p{Cn}\uFFFD]/gu;
const LAYOUT = /[\t\n\f\r]/g;
// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;

const refuse = (message: string) => new AppError('validation_error', `text: ${message}`, { path: ['text'] });

/**
 * Why a text cannot be served as an article, as an error to throw before anything is written, or
 * null when it can. The reasons are one line each: the CLI prints them beside the file name.
 */
export function findTextRefusal(text: string, limits: ArticleLimits): AppError | null {
  if (text.length > limits.maxChars) {
    return new AppError(
      'payload_too_large',
      `text: is ${text.length.toLocaleString('en')} characters, over the limit of ${limits.maxChars.toLocaleString('en')} (CLAIMDESK_MAX_ARTICLE_CHARS)`,
      { path: ['text'] },
    );
  }
  if (text.trim().length === 0) return refuse('must not be empty');
  const nul = text.indexOf('\0');
  if (nul >= 0) return refuse(`holds a NUL byte at character ${nul}: a binary file, not an article`);
  if (LONE_SURROGATE.test(text)) return refuse('is not valid Unicode (it holds an unpaired surrogate)');
  const unprintable = (text.match(UNPRINTABLE)?.length ?? 0) - (text.match(LAYOUT)?.length ?? 0);
  if (unprintable / text.length > MAX_UNPRINTABLE_SHARE) {
    const share = Math.round((unprintable / text.length) * 100);
    return refuse(`${share}% of its characters are control, private-use or unassigned characters: not readable text`);
  }
  return null;
}

/**
 * Decodes a file's bytes as UTF-8, refusing what is not (a Latin-1 export, a binary) rather than
 * storing replacement characters; a byte-order mark is dropped. Then the text checks apply.
 */
export function decodeArticleBytes(bytes: Uint8Array, limits: ArticleLimits): string {
  // A UTF-8 character is at most 4 bytes: anything longer is over the limit without decoding it.
  if (bytes.length > limits.maxChars * 4) {
    throw new AppError(
      'payload_too_large',
      `text: is ${bytes.length.toLocaleString('en')} bytes, over the limit of ${limits.maxChars.toLocaleString('en')} characters (CLAIMDESK_MAX_ARTICLE_CHARS)`,
      { path: ['text'] },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw refuse(`holds a NUL byte at byte ${nul}: a binary file, not an article`);
    throw refuse('is not valid UTF-8: save it as UTF-8 and import it again');
  }
  const refusal = findTextRefusal(text, limits);
  if (refusal) throw refusal;
  return text;
}
