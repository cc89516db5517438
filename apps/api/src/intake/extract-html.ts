import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedPage {
  text: string;
  title: string | null;
  byline: string | null;
  publishedOn: string | null;
  url: string | null;
  outlet: string | null;
}

// Elements that end a paragraph of the extracted text.
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'LI',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'PRE',
  'FIGCAPTION',
  'DD',
  'DT',
  'BR',
  'HR',
  'TABLE',
  'UL',
  'OL',
]);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/** The text of an element as paragraphs separated by a blank line, spaces collapsed inside each. */
function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) paragraphs.push(line);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const isBlock = BLOCKS.has(node.nodeName.toUpperCase());
    if (isBlock) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

const isoDate = (value: string | null | undefined) => /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')?.[0] ?? null;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() || null;

/**
 * The main text of a web page with its title, byline, date, site name and canonical URL, found by
 * Mozilla's Readability (Firefox Reader View) on a linkedom DOM. No network: links are only read.
 */
export function extractHtml(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = (selector: string) => clean(document.querySelector(selector)?.getAttribute('content'));
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime');
  const headline = clean(document.querySelector('h1')?.textContent) ?? meta('meta[property="og:title"]');
  // Readability changes the document it reads: metadata is taken first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
  }).parse();
  let text = '';
  if (article?.content) {
    const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blockText(body.body as unknown as DomNode);
  }
  if (!text) text = blockText(document.body as unknown as DomNode);
  const title = headline ?? clean(article?.title);
  const byline = clean(article?.byline)?.replace(/^by\s+/i, '') ?? meta('meta[name="author"]');
  // The headline and byline are metadata: the stored text starts with the first paragraph.
  const paragraphs = text.split('\n\n');
  while (
    paragraphs.length > 1 &&
    (paragraphs[0] === title || (/^by\s/i.test(paragraphs[0] ?? '') && paragraphs[0]?.includes(byline ?? '\0')))
  )
    paragraphs.shift();
  text = paragraphs.join('\n\n');
  return {
    text,
    title,
    byline,
    publishedOn: isoDate(article?.publishedTime) ?? isoDate(published),
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
    outlet: clean(article?.siteName) ?? meta('meta[property="og:site_name"]'),
  };
}
