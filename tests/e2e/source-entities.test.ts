import { join } from 'node:path';
import { importArticle } from '@claimdesk/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

const ONE = `date 2022-03-05 Kyiv | Desk One: Regional governor Vitaliy Kim said on Saturday that 12 civilians were killed in Mykolaiv.

Oleksandr Starukh, the governor of Zaporizhzhia, said the city was calm.
`;
const TWO = `date 2022-03-06 Kyiv | Desk Two: Vitalii Kim, the governor of Mykolaiv, said 3 Russian tanks were destroyed near the city.

Alexander Starukh said 40 people were evacuated from the region on Sunday.
`;

describe.each(DATABASE_KINDS)('source entities in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);
  beforeAll(async () => {
    await importArticle(desk.test.db, { text: ONE });
    await importArticle(desk.test.db, { text: TWO });
  });

  it('finds a source by a Cyrillic spelling, and an admin merges two spellings: every claim follows', async () => {
    const db = desk?.test.db;
    if (!db) throw new Error('no desk');
    const page = await desk.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await page.getByLabel('Find a source').fill('Старух');
    await page.getByRole('status').filter({ hasText: '2 sources matching' }).waitFor();
    const rows = page.locator('.sources-table tbody tr');
    expect((await rows.allTextContents()).sort()).toEqual(['Alexander StarukhUkraine2', 'Oleksandr StarukhUkraine1']);
    await page.screenshot({ path: join(SCREENSHOTS, `sources-search-${kind}.png`) });

    // Vitaliy and Vitalii are one entity from the start: one row, both spellings.
    await page.getByLabel('Find a source').fill('Віталій');
    await page.getByRole('status').filter({ hasText: '1 source matching' }).waitFor();
    expect(await rows.allTextContents()).toEqual(['Vitaliy KimUkraineVitalii Kim4']);

    await page.getByLabel('Find a source').fill('Alexander');
    await page.getByRole('link', { name: 'Alexander Starukh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alexander Starukh' }).waitFor();
    await page.getByLabel('Find the source to merge into').fill('oleksandr');
    await page.getByRole('button', { name: 'Merge into Oleksandr Starukh' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Move all 2 claims of Alexander Starukh to Oleksandr Starukh?' })
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `source-merge-confirm-${kind}.png`) });
    await page.getByRole('button', { name: 'Yes, merge' }).click();

    await page.getByRole('heading', { level: 1, name: 'Oleksandr Starukh' }).waitFor();
    await page.locator('.source-aliases li', { hasText: 'Alexander Starukh' }).waitFor();
    expect(await page.locator('.source-article h3').allTextContents()).toEqual([
      'Vitalii Kim, the governor of Mykolaiv, said 3 Russian tanks were destroyed near the city.',
      'Regional governor Vitaliy Kim said on Saturday that 12 civilians were killed in Mykolaiv.',
    ]);
    expect(await page.locator('.source-record').textContent()).toMatch(
      /Verified0.*Disputed0.*Unverifiable0.*Pending3$/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, `source-merged-${kind}.png`), fullPage: true });

    const target = new URL(page.url()).pathname.split('/').at(-1);
    const claims = await db.prisma.claim.findMany({
      where: { sourceCanonical: { in: ['Oleksandr Starukh', 'Alexander Starukh'] } },
      select: { sourceId: true },
    });
    expect(claims).toHaveLength(3);
    expect(claims.every((c) => c.sourceId === target)).toBe(true);

    // The queue filtered by the entity lists every spelling's claims.
    await page.getByRole('link', { name: 'Open in the review queue' }).click();
    await page.locator('.source-entity-filter', { hasText: 'Oleksandr Starukh' }).waitFor();
    await page.getByRole('status').filter({ hasText: '3 claims match' }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `source-queue-${kind}.png`) });
    await page.close();
  });
});
