import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGeneratedArticle } from '../support/generated-article.ts';
import { DATABASE_KINDS, type TestDatabase } from '../support/test-databases.ts';
import { PASSWORD, SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

const GENERATED = 20_000;

/**
 * 20,000 claims straight into the database, in batches: one generated article with one statement,
 * and figure claims spread over sides, categories, statuses and dates.
 */
async function generateClaims(test: TestDatabase, n: number) {
  const { articleId, statementId, publishedOn } = await createGeneratedArticle(test, {
    title: 'Generated load-test article',
    text: 'Generated article for the load test.',
    publishedOn: '2022-03-01',
  });
  const prisma = test.db.prisma;
  const sides = ['ukraine', 'russia', 'other'] as const;
  const statuses = ['pending', 'verified', 'disputed', 'unverifiable'] as const;
  const categories = ['vehicles', 'uav', 'artillery', 'personnel'] as const;
  const batch = 2_000;
  for (let from = 0; from < n; from += batch) {
    const data = [];
    for (let i = from; i < Math.min(n, from + batch); i++) {
      data.push({
        id: randomUUID(),
        articleId,
        statementId,
        publishedOn,
        kind: 'figure',
        ordinal: i,
        text: `Generated claim ${String(i).padStart(5, '0')}: ${i % 500} losses`,
        start: 0,
        end: 9,
        sourceCanonical: `Source ${i % 50}`,
        side: sides[i % 3] ?? 'other',
        asOf: `2022-03-${String((i % 28) + 1).padStart(2, '0')}`,
        value: i % 500,
        qualifier: 'exact',
        category: categories[i % 4] ?? 'other',
        unit: 'units',
        subject: 'russia',
        figureKind: 'loss',
        status: statuses[i % 4] ?? 'pending',
      });
    }
    await prisma.claim.createMany({ data });
  }
  return articleId;
}

/**
 * A small, dated series of tank losses for the chart (made-up numbers for the test, in the shape of
 * daily reports): what Ukraine says Russia lost, and what other sources say.
 */
async function generateTankSeries(test: TestDatabase) {
  const { articleId, statementId, publishedOn } = await createGeneratedArticle(test, {
    title: 'Generated daily loss reports',
    text: 'Generated daily loss reports.',
    publishedOn: '2022-03-10',
  });
  const prisma = test.db.prisma;
  const ukraine = [
    ['2022-02-27', 146],
    ['2022-02-28', 150],
    ['2022-03-01', 198],
    ['2022-03-02', 211],
    ['2022-03-04', 251],
    ['2022-03-07', 290],
    ['2022-03-09', 303],
  ] as const;
  const others = [
    ['2022-02-28', 39],
    ['2022-03-02', 89],
    ['2022-03-05', 120],
    ['2022-03-08', 158],
  ] as const;
  const row = (side: string, source: string, [asOf, value]: readonly [string, number], i: number, status: string) => ({
    id: randomUUID(),
    articleId,
    statementId,
    publishedOn,
    kind: 'figure',
    ordinal: i,
    text: `${value} tanks`,
    start: 0,
    end: 9,
    sourceCanonical: source,
    side,
    asOf,
    value,
    qualifier: 'exact',
    category: 'tanks',
    unit: 'tanks',
    subject: 'russia',
    figureKind: 'loss',
    status,
  });
  await prisma.claim.createMany({
    data: [
      ...ukraine.map((p, i) => row('ukraine', "Ukraine's General Staff", p, i, i % 3 === 0 ? 'verified' : 'pending')),
      ...others.map((p, i) => row('other', 'Oryx', p, 100 + i, i === 1 ? 'disputed' : 'verified')),
    ],
  });
  return ukraine.length + others.length;
}

describe.each(DATABASE_KINDS)('the review queue and the figures chart in Chromium on %s', (kind) => {
  let generatedId: string;
  let tankPoints: number;

  const desk = deskForSuite(kind);
  beforeAll(async () => {
    generatedId = await generateClaims(desk.test, GENERATED);
    tankPoints = await generateTankSeries(desk.test);
  });

  it('filters through the URL, comes back with the back button, and a shared URL shows the same view', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    const rows = page.locator('.queue li');
    await page.goto(`${desk.server.baseUrl}/queue?articleId=${desk.server.article.id}&category=tanks`);
    await rows.filter({ hasText: '102 tanks' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 claim matches' }).waitFor();
    expect(await rows.count()).toBe(1);

    await page.getByLabel('Category').selectOption('aircraft');
    await rows.filter({ hasText: '14 aircraft' }).waitFor();
    expect(new URL(page.url()).searchParams.get('category')).toBe('aircraft');

    await page.getByLabel('Category').selectOption('');
    // A status pressed and a search typed right after it, as an editor does: the URL keeps both
    // (the search once started from a render that did not have the status yet, and dropped it).
    await page.getByRole('button', { name: /Pending/ }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('helicopters');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('helicopters');
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
    // The figure and the statement that holds it both mention helicopters.
    await rows.filter({ hasText: 'Figure: 8 helicopters' }).waitFor();
    await page.getByRole('status').filter({ hasText: '2 claims match' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `queue-filtered-${kind}.png`), fullPage: true });

    const shared = page.url();
    const other = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await other.goto(shared);
    await other.getByLabel('Email').fill(desk.server.users.viewer);
    await other.getByLabel('Password').fill(PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.locator('.queue li').filter({ hasText: 'Figure: 8 helicopters' }).waitFor();
    // The row can show before the filters read from the URL are drawn as pressed: wait for them.
    await expect.poll(() => other.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('helicopters');
    await expect.poll(() => other.getByRole('button', { name: /Pending/ }).getAttribute('aria-pressed')).toBe('true');
    await other.close();

    // A search that matches nothing says so and offers the way out.
    await page.goto(`${desk.server.baseUrl}/queue?q=no-such-claim-anywhere`);
    await page.getByText('No claim matches these filters.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `queue-empty-${kind}.png`) });
    await page.goBack();
    await page.getByRole('status').filter({ hasText: '2 claims match' }).waitFor();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(null);
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe(null);
    await page.goBack();
    await page.goBack();
    await rows.filter({ hasText: '102 tanks' }).waitFor();
    expect(new URL(page.url()).searchParams.get('category')).toBe('tanks');
    expect(await page.getByLabel('Category').inputValue()).toBe('tanks');
    expect(await rows.count()).toBe(1);
    await page.close();
  });

  it('shows 20,000 claims with counts per status, renders rows far down when scrolled, and keeps the DOM small', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.goto(`${desk.server.baseUrl}/queue?articleId=${generatedId}`);
    await page.getByRole('status').filter({ hasText: '20,000 claims match' }).waitFor();
    for (const status of ['pending', 'verified', 'disputed', 'unverifiable']) {
      expect(await page.locator(`.status-filter [data-count="${status}"]`).textContent()).toBe('5,000');
    }
    const rows = page.locator('.queue li');
    await rows.filter({ hasText: 'Generated claim 00000' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `queue-20000-${kind}.png`), fullPage: true });

    const queue = page.locator('.queue');
    await queue.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await rows
      .filter({ hasText: /Generated claim 1\d{4}/ })
      .first()
      .waitFor();
    await queue.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = rows.filter({ hasText: 'Generated claim 19999' });
    await last.waitFor();
    expect(await last.getAttribute('aria-posinset')).toBe('20000');
    expect(await last.getAttribute('aria-setsize')).toBe('20000');
    const inDom = await rows.count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
    await page.screenshot({ path: join(SCREENSHOTS, `queue-20000-bottom-${kind}.png`) });

    // Away and Back: the list comes back where the reader left it, not at the top.
    await page.getByRole('link', { name: 'Figures over time' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures over time' }).waitFor();
    await page.goBack();
    await last.waitFor();
    expect(await rows.filter({ hasText: 'Generated claim 00000' }).count()).toBe(0);

    // Filters are applied by the server over all 20,000, sorted by value descending.
    await page.getByLabel('Category').selectOption('vehicles');
    await page.getByLabel('Sort by').selectOption('value');
    await page.getByLabel('Order').selectOption('desc');
    await page.getByRole('status').filter({ hasText: '5,000 claims match' }).waitFor();
    await expect.poll(() => rows.first().textContent()).toContain('496 losses');
    await page.close();
  });

  it('has designed not-found states for an unknown article and an unknown page', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.viewer);
    await page.goto(`${desk.server.baseUrl}/articles/no-such-article`);
    await page.getByRole('heading', { level: 1, name: 'Article not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to articles' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `article-not-found-${kind}.png`) });
    await page.goto(`${desk.server.baseUrl}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    // An address typed from a page's name leads to that page, with its filters.
    await page.goto(`${desk.server.baseUrl}/articles?q=ready`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('ready');
    await page.close();
  });

  it('draws the figures of one category over time, per side of the source, each point linked to its claim with its verdict', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.getByRole('link', { name: 'Figures over time' }).click();
    await page.getByRole('heading', { level: 1, name: 'Figures over time' }).waitFor();
    await page.getByLabel('Category').selectOption('helicopters');
    await page.locator('figcaption').filter({ hasText: 'helicopters' }).waitFor();
    const points = page.locator('a.chart-point');
    await points.first().waitFor();
    const label = (await points.first().getAttribute('aria-label')) ?? '';
    expect(label).toContain('8 helicopters as of 2022-02-26');
    expect(label).toContain('according to Ukraine');
    expect(label).toMatch(/Pending|Verified|Disputed|Unverifiable/);
    await page.getByRole('table').getByText('8 helicopters').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `figures-helicopters-${kind}.png`), fullPage: true });

    await page.getByLabel('Category').selectOption('tanks');
    await page.locator('figcaption').filter({ hasText: 'tanks' }).waitFor();
    // The seed's 102 tanks plus the generated series: one line per side of the source.
    await expect.poll(() => points.count()).toBe(tankPoints + 1);
    expect(await page.locator('.chart-svg polyline').count()).toBe(2);
    expect(await page.locator('.chart-legend').textContent()).toContain('according to others');
    expect(
      await points
        .filter({
          has: page.locator('title', { hasText: '158 tanks as of 2022-03-08, according to others (Oryx): Verified' }),
        })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, `figures-tanks-${kind}.png`), fullPage: true });

    await page.getByLabel('Category').selectOption('helicopters');
    await page.locator('figcaption').filter({ hasText: 'helicopters' }).waitFor();
    // A point is a link: reachable with Tab and opened with Enter as well as by a click.
    await points.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /ready for talks/ }).waitFor();
    await page.locator('.claim-panel .claim-text', { hasText: '8 helicopters' }).waitFor();
    await page.close();
  });
});
