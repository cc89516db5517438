import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type TestDatabase } from '../support/test-databases.ts';
import { SCREENSHOTS, type startTestServer, signIn, startDesk } from './support/browser.ts';

describe.each(DATABASE_KINDS)('intake in Chromium on %s', (kind) => {
  let test: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
  beforeAll(async () => {
    desk = await startDesk(kind);
    ({ test, server, browser } = desk);
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('an admin deletes an article after confirming; an editor sees no delete button', async () => {
    const editor = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(editor, server.baseUrl, server.users.editor);
    await editor.goto(`${server.baseUrl}/articles/${server.article.id}`);
    await editor.getByRole('heading', { level: 1, name: server.article.title }).waitFor();
    expect(await editor.getByRole('button', { name: 'Delete article…' }).count()).toBe(0);
    await editor.close();

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, server.baseUrl, server.users.admin);
    await page.goto(`${server.baseUrl}/articles/${server.article.id}`);
    await page.getByRole('button', { name: 'Delete article…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `intake-delete-confirm-${kind}.png`) });
    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await test.db.prisma.article.count({ where: { id: server.article.id } })).toBe(1);

    await page.getByRole('button', { name: 'Delete article…' }).click();
    await dialog.getByRole('button', { name: 'Delete article' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Deleted “${server.article.title}” with its claims.` })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    expect(await test.db.prisma.article.count({ where: { id: server.article.id } })).toBe(0);
    expect(await test.db.prisma.claim.count({ where: { articleId: server.article.id } })).toBe(0);
    const event = await test.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: server.article.id } });
    expect(event.actorName).toBe(server.users.admin);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-deleted-${kind}.png`) });
    await page.close();
  });
});
