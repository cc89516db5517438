import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

/** The button is on screen and nothing covers its middle: a click there reaches it. */
async function expectClickable(page: Page, name: RegExp) {
  const button = page.getByRole('button', { name });
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`no box for ${name}`);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('button')?.textContent ?? '',
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toMatch(name);
}

describe.each(DATABASE_KINDS)('draft, publish and the live desk in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);

  const claimNamed = (text: string) => {
    const claim = desk.server.article.claims.find((c) => c.text === text);
    if (!claim) throw new Error(`no claim ${text}`);
    return claim;
  };

  it('saves a draft, undoes it with z, and publishes with P', async () => {
    const claim = claimNamed('102 tanks');
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim.id}`);
    const panel = page.locator('.claim-panel');
    await panel.locator('.claim-text', { hasText: '102 tanks' }).waitFor();
    await page.locator(`#claim-item-${claim.id} button`).focus();
    await page.keyboard.press('v');
    await page.keyboard.press('Enter');
    await panel.locator('h2 [data-publication="draft"]').waitFor();
    await page.locator(`#claim-item-${claim.id} [data-publication="draft"]`).waitFor();
    expect(await desk.test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'verified',
      publishedStatus: 'pending',
    });
    // Undo: the draft goes, as if never saved.
    await page.keyboard.press('z');
    await panel.locator('h2 .badge[data-status="pending"]').waitFor();
    expect(await panel.locator('[data-publication]').count()).toBe(0);
    expect(await desk.test.db.prisma.verdict.count({ where: { claimId: claim.id } })).toBe(0);
    // Again, and publish it.
    await page.keyboard.press('v');
    await page.keyboard.press('Enter');
    await panel.locator('h2 [data-publication="draft"]').waitFor();
    await page.keyboard.press('P');
    await panel.locator('h2 [data-publication="public"]').waitFor();
    expect(await desk.test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      publishedStatus: 'verified',
    });
    await page.screenshot({ path: join(SCREENSHOTS, `publish-${kind}.png`) });
    await page.close();
  });

  it("shows each editor the other's verdicts within 2 seconds, with who changed them", async () => {
    const claim = claimNamed('14 aircraft');
    const a = await desk.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const b = await desk.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, desk.server.baseUrl, desk.server.users.editor);
    await signIn(pageB, desk.server.baseUrl, desk.server.users.editor2);
    for (const p of [pageA, pageB]) {
      await p.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim.id}`);
      await p.locator('.claim-panel .claim-text', { hasText: '14 aircraft' }).waitFor();
    }
    // B disputes; A's page follows (list badge, panel badge, highlight, history) within 2 s.
    await pageB.getByLabel('Note', { exact: false }).fill('The General Staff counted 11');
    await pageB.getByRole('button', { name: /Mark disputed/ }).click();
    await pageB.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
    const savedAt = Date.now();
    await pageA.locator(`#claim-item-${claim.id} .badge[data-status="disputed"]`).waitFor({ timeout: 2000 });
    const seenAfter = Date.now() - savedAt;
    await pageA
      .locator('.live-notice', { hasText: `Changed by ${desk.server.names.editor2}` })
      .waitFor({ timeout: 2000 });
    await pageA.locator('.claim-panel h2 .badge[data-status="disputed"]').waitFor({ timeout: 2000 });
    await pageA
      .getByRole('list', { name: 'Verdict history, newest first' })
      .getByText('The General Staff counted 11')
      .waitFor({ timeout: 2000 });
    expect(
      await pageA.locator('.article-text mark', { hasText: '14 aircraft' }).first().getAttribute('class'),
    ).toContain('fst-disputed');
    // And the other way: A publishes; B sees it public.
    await pageA
      .getByRole('button', { name: /Publish/ })
      .first()
      .click();
    await pageB.locator('.claim-panel h2 [data-publication="public"]').waitFor({ timeout: 2000 });
    await pageB
      .locator('.live-notice', { hasText: `Changed by ${desk.server.names.editor}` })
      .waitFor({ timeout: 2000 });
    console.log(`live desk (${kind}): the other page showed the verdict ${seenAfter} ms after it was saved`);
    await pageA.screenshot({ path: join(SCREENSHOTS, `live-desk-${kind}.png`) });
    await a.close();
    await b.close();
  });

  it('keeps the verdict buttons visible and clickable during a conflict at 1280x720 and 1400x900', async () => {
    for (const [width, height, text] of [
      [1280, 720, '8 helicopters'],
      [1400, 900, '536 BBMs'],
    ] as const) {
      const claim = claimNamed(text);
      const context = await desk.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await signIn(page, desk.server.baseUrl, desk.server.users.editor);
      // This page does not hear of the other verdict (its live-desk poll is held): its save is stale.
      await page.route('**/claim-states', (route) => route.abort());
      await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim.id}`);
      await page.locator('.claim-panel .claim-text', { hasText: text }).waitFor();
      const other = await signInAs(desk.server.baseUrl, desk.browser, desk.server.users.editor2);
      const res = await other.request.post(`${desk.server.baseUrl}/api/claims/${claim.id}/verdicts`, {
        headers: { 'x-csrf-token': other.csrf },
        data: {
          status: 'verified',
          note: 'Matches the General Staff count for that day, which was published in the morning report with a long explanation of how it was counted',
          version: 0,
        },
      });
      expect(res.status()).toBe(201);
      await page.getByLabel('Note', { exact: false }).fill('Seems inflated');
      await page.getByRole('button', { name: /Mark disputed/ }).click();
      await page.getByRole('alert').filter({ hasText: 'Conflict' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `conflict-buttons-${width}x${height}-${kind}.png`) });
      for (const name of [/Mark verified/, /Mark disputed/, /Mark unverifiable/]) await expectClickable(page, name);
      // They work: B saves on top, deliberately.
      await page.getByRole('button', { name: /Mark disputed/ }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
      await other.context.close();
      await context.close();
    }
  });
});

/** A second signed-in browser context whose request API carries the session (and its CSRF token). */
async function signInAs(baseUrl: string, browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  const csrf = (await context.cookies()).find((c) => c.name === 'claimdesk_csrf')?.value ?? '';
  return { context, request: context.request, csrf };
}
