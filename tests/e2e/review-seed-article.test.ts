import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';
import { PASSWORD, SCREENSHOTS, launchChromium, startTestServer } from './support/browser.ts';

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as`).waitFor();
}

describe.each(DATABASE_KINDS)('reviewing the seed article in Chromium on %s', (kind) => {
  let test: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    server = await startTestServer(test);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await test?.drop();
  });

  it('marks "102 tanks" disputed with a note, keeps it after a reload, and the API has the verdict', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, server.baseUrl, server.users.editor);
    await page.getByRole('link', { name: /ready for talks/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `article-${kind}.png`), fullPage: true });

    await page.locator('mark', { hasText: '102 tanks' }).click();
    await expect.poll(() => page.url()).toContain('claim=');
    await page.getByLabel('Note').fill('The General Staff reported a different count for 26 February.');
    await page.getByRole('button', { name: /Mark disputed/ }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `claim-disputed-${kind}.png`), fullPage: true });

    await page.reload();
    const panel = page.locator('.claim-panel');
    await panel.locator('.claim-text', { hasText: '102 tanks' }).waitFor();
    await expect.poll(() => panel.locator('h2 .badge').getAttribute('data-status')).toBe('disputed');
    await panel.getByText('The General Staff reported a different count for 26 February.').waitFor();
    const markStatus = await page.locator('mark', { hasText: '102 tanks' }).getAttribute('class');
    expect(markStatus).toContain('st-disputed');

    const claimId = new URL(page.url()).searchParams.get('claim');
    const api = await page.request.get(`${server.baseUrl}/api/claims/${claimId}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body).toMatchObject({ text: '102 tanks', status: 'disputed', version: 1 });
    expect(body.verdicts[0]).toMatchObject({ status: 'disputed', note: 'The General Staff reported a different count for 26 February.', author: server.users.editor });
    await page.close();
  });

  it('reviews with the keyboard only: j to move, v to mark verified, Enter to save', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, server.baseUrl, server.users.editor);
    await page.goto(`${server.baseUrl}/articles/${server.article.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toContain(`claim=${server.article.claims[0]?.id}`);
    await page.keyboard.press('v');
    await page.getByText('Press Enter to save as verified').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.claim-panel h2 .badge[data-status="verified"]').waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toContain(`claim=${server.article.claims[1]?.id}`);
    await page.keyboard.press('u');
    await page.getByText('Press Enter to save as unverifiable').waitFor();
    await page.keyboard.type('No independent source for the delegation reaching Gomel.');
    await page.keyboard.press('Enter');
    await page.locator('.claim-panel h2 .badge[data-status="unverifiable"]').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `shortcuts-${kind}.png`) });
    const first = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: server.article.claims[0]?.id ?? '' } });
    const second = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: server.article.claims[1]?.id ?? '' } });
    expect([first.status, second.status]).toEqual(['verified', 'unverifiable']);
    await page.close();
  });

  it('shows a conflict with the other editor\'s verdict and overwrites nothing', async () => {
    const claim = server.article.claims.find((c) => c.text === '8 helicopters');
    const a = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const b = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, server.baseUrl, server.users.editor);
    await signIn(pageB, server.baseUrl, server.users.editor2);
    for (const p of [pageA, pageB]) {
      await p.goto(`${server.baseUrl}/articles/${server.article.id}?claim=${claim?.id}`);
      await p.locator('.claim-panel .claim-text', { hasText: '8 helicopters' }).waitFor();
    }
    await pageA.getByRole('button', { name: /Mark verified/ }).click();
    await pageA.getByRole('status').filter({ hasText: 'Saved: verified' }).waitFor();
    await pageB.getByLabel('Note').fill('Seems inflated');
    await pageB.getByRole('button', { name: /Mark disputed/ }).click();
    const alert = pageB.getByRole('alert').filter({ hasText: 'Conflict' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${server.users.editor} marked it verified`);
    await pageB.screenshot({ path: join(SCREENSHOTS, `conflict-${kind}.png`), fullPage: true });
    const stored = await test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim?.id ?? '' } });
    expect(stored).toMatchObject({ status: 'verified', version: 1 });
    // Resolve: B now sees version 1 and saves on top of it deliberately.
    await pageB.getByLabel('Note').fill('Seems inflated, after seeing the verified verdict');
    await pageB.getByRole('button', { name: /Mark disputed/ }).click();
    await pageB.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
    expect((await test.db.prisma.verdict.findMany({ where: { claimId: claim?.id ?? '' } })).length).toBe(2);
    await a.close();
    await b.close();
  });

  it('a viewer sees no verdict buttons, and signing out returns to the sign-in page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, server.baseUrl, server.users.viewer);
    await page.goto(`${server.baseUrl}/articles/${server.article.id}?claim=${server.article.claims[0]?.id}`);
    await page.locator('.claim-panel').waitFor();
    expect(await page.getByRole('button', { name: /Mark (verified|disputed|unverifiable)/ }).count()).toBe(0);
    await page.getByText('marking claims needs the editor role').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('filters the queue through the URL and comes back with the back button', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, server.baseUrl, server.users.editor);
    await page.goto(`${server.baseUrl}/queue?category=tanks`);
    await page.getByRole('listitem').filter({ hasText: '102 tanks' }).waitFor();
    expect(await page.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Category').selectOption('aircraft');
    await page.getByRole('listitem').filter({ hasText: '14 aircraft' }).waitFor();
    expect(page.url()).toContain('category=aircraft');
    await page.screenshot({ path: join(SCREENSHOTS, `queue-${kind}.png`), fullPage: true });
    await page.goBack();
    await page.getByRole('listitem').filter({ hasText: '102 tanks' }).waitFor();
    expect(page.url()).toContain('category=tanks');
    await page.close();
  });
});
