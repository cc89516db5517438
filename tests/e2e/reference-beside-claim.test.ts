import { join } from 'node:path';
import { importArticle } from '@claimdesk/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { importGeneralStaff } from '../support/reference-data.ts';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

describe.each(DATABASE_KINDS)('a figure beside the reference series in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);
  beforeAll(async () => {
    await importGeneralStaff(desk.test.db);
    await importArticle(desk.test.db, {
      text: `date 2022-02-28 Kyiv | Test Wire: Ukraine's armed forces said on Sunday that Russia has lost 150 tanks since February 24.\n\nThe Russian defence ministry said Russia has lost 12 tanks, a figure that could not be checked.\n\n"Warsaw, Bratislava, Budapest, Istanbul, Baku. We proposed all of them," Zelenskyy said in a video address.\n`,
    });
  });

  it('shows the series and the relation for "102 tanks"; r cites the reference row, and the verdict keeps it', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.getByRole('link', { name: /ready for talks/ }).click();
    await page.locator('.article-text mark', { hasText: '102 tanks' }).click();
    const reference = page.locator('.claim-panel .reference');
    await reference.locator('[data-relation="consistent"]').first().waitFor();
    expect(await reference.locator('.reference-advice').textContent()).toContain(
      'between 80 on 2022-02-25 and 146 on 2022-02-26',
    );
    const rows = reference.locator('.reference-values tbody tr');
    expect(await rows.allTextContents()).toEqual([
      '2022-02-2580',
      "2022-02-26 (the claim's day)146 · r cites this row",
      '2022-02-27150',
      '2022-02-28150',
    ]);
    const chart = reference.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('80 on 2022-02-25, 146 on 2022-02-26');
    expect(await chart.getAttribute('aria-label')).toContain('the claim: 102 as of 2022-02-26');
    await reference.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `reference-tanks-${kind}.png`) });

    // Other articles on the same quantity, by side of the source.
    const related = page.locator('.claim-panel .related');
    await related.getByRole('link', { name: '150 tanks' }).waitFor();
    expect(await related.locator('h4').allTextContents()).toEqual([
      'ukraine According to Ukraine',
      'russia According to Russia',
    ]);
    await related.getByRole('link', { name: '12 tanks' }).waitFor();
    await related.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `related-tanks-${kind}.png`) });

    // One key: the reference row goes into the verdict's evidence.
    await page.locator('.claim-list [aria-current="true"], .claim-list button').first().focus();
    await page.keyboard.press('r');
    const cited = page.locator('.cited-references');
    await cited.locator('.cited-reference', { hasText: /General Staff.*146 tanks \(russia\) on 2022-02-26/ }).waitFor();
    await cited.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `reference-cited-${kind}.png`) });
    await page.getByRole('button', { name: /Mark verified/ }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: verified' }).waitFor();
    const history = page.locator('.history');
    await history.getByRole('link', { name: /146 tanks \(russia\) on 2022-02-26/ }).waitFor();
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `reference-verdict-${kind}.png`) });

    const claimId = new URL(page.url()).searchParams.get('claim');
    const body = await (await page.request.get(`${desk.server.baseUrl}/api/claims/${claimId}`)).json();
    expect(body.verdicts[0].references).toMatchObject([{ date: '2022-02-26', value: 146, category: 'tanks' }]);
    await page.close();
  });

  it('applies the verdict of a quote to the same quote in another article, with its own history entry', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.getByRole('link', { name: /ready for talks/ }).click();
    await page.locator('.article-text mark', { hasText: 'Warsaw, Bratislava' }).first().click();
    await page.getByRole('button', { name: /Mark verified/ }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: verified' }).waitFor();
    const related = page.locator('.claim-panel .related');
    const choice = related.getByRole('checkbox', { name: /Test Wire/ });
    await choice.check();
    await related.getByRole('button', { name: /Apply this claim's verdict \(verified\) to 1 chosen/ }).click();
    await related.getByRole('status').filter({ hasText: 'Saved: 1 more claim marked verified' }).waitFor();
    await related.locator('[data-status="verified"]').waitFor();
    await related.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `related-applied-${kind}.png`) });
    const href = await related.getByRole('link', { name: /Warsaw, Bratislava/ }).getAttribute('href');
    const otherId = new URL(href ?? '', desk.server.baseUrl).searchParams.get('claim');
    const other = await (await page.request.get(`${desk.server.baseUrl}/api/claims/${otherId}`)).json();
    expect(other).toMatchObject({ status: 'verified', version: 1 });
    expect(other.verdicts).toHaveLength(1);
    await page.close();
  });

  it('draws the reference series beside the claimed points on the figures chart', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.goto(`${desk.server.baseUrl}/figures?category=tanks&subject=russia`);
    const chart = page.locator('figure.chart');
    await chart.getByText(/reference: General Staff of the Armed Forces of Ukraine/).waitFor();
    const line = chart.locator('polyline.reference-line');
    expect(await line.count()).toBe(1);
    // The claims span 2022-02-26 to 2022-02-28; the chart shows a week either side, so the line
    // carries every daily total from 2022-02-19 to 2022-03-07 that the series has.
    const answer = await page.request.get(
      `${desk.server.baseUrl}/api/reference/series?category=tanks&subject=russia&from=2022-02-19&to=2022-03-07`,
    );
    const expected = (await answer.json()).series[0].points as { date: string; value: number }[];
    expect(expected.map((p) => p.date)).toContain('2022-02-26');
    expect(expected.map((p) => p.date)).toContain('2022-03-07');
    expect((await line.getAttribute('points'))?.split(' ')).toHaveLength(expected.length);
    await page.screenshot({ path: join(SCREENSHOTS, `figures-reference-${kind}.png`) });
    await page.close();
  });
});
