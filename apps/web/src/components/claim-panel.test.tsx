import type { ArticleDetail, Claim, VerdictStatus } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleQuery, keys } from '../api/queries.ts';
import {
  ARTICLE_TEXT,
  createTestQueryClient,
  json,
  makeArticle,
  makeClaim,
  makeDetail,
  makeVerdict,
  mockFetch,
  withQueryClient,
} from '../test/fixtures.tsx';
import { ClaimPanel, type ClaimPanelHandle, checkEvidence } from './claim-panel.tsx';
import { useVerdicts } from './use-verdicts.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Handlers = Parameters<typeof mockFetch>[0];

function setup(handlers: Handlers, { canReview = true, claim = makeClaim(), others = [] as Claim[] } = {}) {
  const client = createTestQueryClient();
  client.setQueryData(keys.article('a1'), makeArticle([claim, ...others]));
  // The article refetched after a save comes back as the cache holds it (the server agrees).
  const calls = mockFetch({
    ...handlers,
    'GET /api/articles/a1': () => json(200, client.getQueryData(keys.article('a1'))),
  });
  const noteRef = createRef<HTMLTextAreaElement>();
  const handleRef = createRef<ClaimPanelHandle>();
  // biome-ignore lint/correctness/noComponentHookFactories: a per-test harness closing over its fixtures
  function Harness() {
    const [pending, setPending] = useState<VerdictStatus | null>(null);
    const [index, setIndex] = useState(0);
    const article = useQuery({ ...articleQuery('a1'), staleTime: Number.POSITIVE_INFINITY });
    const verdicts = useVerdicts('a1');
    const current = article.data?.claims[index] ?? claim;
    return (
      <>
        <button type="button" onClick={() => setIndex((i) => i + 1)}>
          next claim
        </button>
        <ClaimPanel
          claim={current}
          verdicts={verdicts}
          articleText={ARTICLE_TEXT}
          canReview={canReview}
          noteRef={noteRef}
          handleRef={handleRef}
          pendingStatus={pending}
          onPendingStatusChange={setPending}
        />
      </>
    );
  }
  const utils = render(withQueryClient(client, <Harness />));
  return {
    client,
    calls,
    noteRef,
    handleRef,
    ...utils,
    statusInCache: () => client.getQueryData<ArticleDetail>(keys.article('a1'))?.claims[0]?.status,
  };
}

describe('ClaimPanel', () => {
  it('shows the source as written and canonical, the side, cue, every figure field, the sentence in context and the history', async () => {
    setup({
      'GET /api/claims/c-tanks': () =>
        json(200, makeDetail(makeClaim(), [makeVerdict({ note: 'Matches the General Staff' })])),
    });
    const facts = document.querySelector('dl.facts') as HTMLElement;
    const value = (term: string) => within(facts).getByText(term).nextElementSibling?.textContent;
    expect(value('Source')).toContain('Ukraine');
    expect(value('Side')).toBe('ukraine');
    await waitFor(() => expect(value('Cue')).toBe('“said” · reported speech'));
    expect(value('Value')).toBe('102 tanks');
    expect(value('Qualifier')).toBe('exact');
    expect(value('Category')).toBe('tanks');
    expect(value('Counts')).toBe('loss');
    expect(value('Whose loss')).toBe('russia');
    expect(value('Since')).toBe('2022-02-24');
    expect(value('As of')).toBe('2022-02-26');
    const context = screen.getByText('Sentence in context').closest('figure') as HTMLElement;
    expect(context.textContent).toContain(
      'On Saturday, Ukraine said Russia has lost 14 aircraft, 102 tanks and 8 helicopters since February 24.',
    );
    expect(context.textContent).not.toContain('It added more');
    expect(within(context).getByText('102 tanks').tagName).toBe('MARK');
    const history = await screen.findByRole('list', { name: 'Verdict history, newest first' });
    expect(history.textContent).toContain('Ana P');
    expect(history.textContent).toContain('Matches the General Staff');
    expect(within(history).getByRole('link', { name: 'https://example.org/report' }).getAttribute('rel')).toContain(
      'noopener',
    );
    expect(within(history).getByRole('time').getAttribute('datetime')).toBe('2026-03-04T10:15:00.000Z');
  });

  it('refuses disputed and unverifiable without a note, says why, focuses the note and sends nothing', async () => {
    const { calls, noteRef } = setup({ 'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())) });
    await userEvent.click(screen.getByRole('button', { name: /Mark disputed/ }));
    expect(screen.getByRole('alert').textContent).toContain('a note is required when a claim is marked disputed');
    expect(document.activeElement).toBe(noteRef.current);
    expect(noteRef.current?.getAttribute('aria-invalid')).toBe('true');
    // The status stays armed: writing the note and pressing Enter saves it.
    expect(screen.getByText(/Press Enter to save as disputed/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('validates every evidence link, and sends several valid ones with the note and the claim version', async () => {
    const { calls } = setup(
      {
        'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())),
        'POST /api/claims/c-tanks/verdicts': () =>
          json(201, {
            claim: makeClaim({ status: 'disputed', version: 1 }),
            verdict: makeVerdict({ status: 'disputed' }),
          }),
      },
      { claim: makeClaim({ version: 3 }) },
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Note/), 'Count differs from the ministry');
    await user.type(screen.getByRole('textbox', { name: 'Evidence link 1' }), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Add another link' }));
    await user.type(screen.getByRole('textbox', { name: 'Evidence link 2' }), 'https://example.org/b');
    await user.click(screen.getByRole('button', { name: /Mark disputed/ }));
    expect(screen.getByRole('alert').textContent).toContain('evidence link 1 is not an http(s) address');
    expect(screen.getByRole('textbox', { name: 'Evidence link 1' }).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(screen.getByRole('textbox', { name: 'Evidence link 1' }));
    await user.type(screen.getByRole('textbox', { name: 'Evidence link 1' }), 'https://example.org/a');
    await user.click(screen.getByRole('button', { name: /Mark disputed/ }));
    await screen.findByText('Saved: disputed.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      status: 'disputed',
      note: 'Count differs from the ministry',
      evidence: ['https://example.org/a', 'https://example.org/b'],
      version: 3,
    });
    expect(checkEvidence(['', ' https://x.org ', 'ftp://x', 'nope'])).toEqual({
      urls: ['https://x.org'],
      invalid: [3, 4],
    });
  });

  it("on a stale version shows the other editor's verdict, keeps the note, and takes the current version for the next save", async () => {
    const theirs = makeClaim({
      status: 'verified',
      version: 1,
      latestVerdict: makeVerdict({ author: 'Bo K', note: 'Checked with the MoD' }),
    });
    const { calls, statusInCache } = setup({
      'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())),
      'POST /api/claims/c-tanks/verdicts': () =>
        json(409, {
          error: {
            code: 'version_conflict',
            message:
              'this claim changed since you opened it: Bo K marked it verified (version 1); review and save again',
            path: ['version'],
            details: { claim: theirs },
          },
        }),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Note/), 'Inflated');
    await user.click(screen.getByRole('button', { name: /Mark disputed/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Conflict: another editor saved first.');
    expect(alert.textContent).toContain('Bo K');
    expect(alert.textContent).toContain('Checked with the MoD');
    expect(alert.textContent).toContain('Verified');
    expect(alert.textContent).toContain('nothing was overwritten');
    expect((screen.getByLabelText(/^Note/) as HTMLTextAreaElement).value).toBe('Inflated');
    // The cache now holds their verdict and version, so a deliberate second save builds on it.
    await waitFor(() => expect(statusInCache()).toBe('verified'));
    await user.click(screen.getByRole('button', { name: /Mark disputed/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1]?.body).toMatchObject({ version: 1, status: 'disputed' });
  });

  it('shows the new status at once and rolls it back with a visible message when the server refuses', async () => {
    let refuse: (r: Response) => void = () => {};
    const { statusInCache } = setup({
      'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())),
      'POST /api/claims/c-tanks/verdicts': () =>
        new Promise<Response>((resolve) => {
          refuse = resolve;
        }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Mark verified/ }));
    await waitFor(() => expect(statusInCache()).toBe('verified'));
    expect((screen.getByRole('button', { name: /Mark verified/ }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      refuse(json(500, { error: { code: 'internal_error', message: 'something went wrong on our side', path: [] } })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not saved: something went wrong on our side');
    expect(alert.textContent).toContain('back to pending');
    expect(statusInCache()).toBe('pending');
  });

  it('lets the reviewer save the next claim while the last save is still on its way, and rolls back only the refused one', async () => {
    const aircraft = makeClaim({ id: 'c-air', text: '14 aircraft' });
    const answers: Record<string, (r: Response) => void> = {};
    const { calls, client } = setup(
      {
        'GET /api/claims/': () => json(200, makeDetail(makeClaim())),
        'POST /api/claims/': (url) =>
          new Promise<Response>((resolve) => {
            answers[url.pathname] = resolve;
          }),
      },
      { others: [aircraft] },
    );
    const user = userEvent.setup();
    const status = (id: string) =>
      client.getQueryData<ArticleDetail>(keys.article('a1'))?.claims.find((c) => c.id === id)?.status;
    await user.click(screen.getByRole('button', { name: /Mark verified/ }));
    expect(screen.getByText('Saving…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'next claim' }));
    await user.click(screen.getByRole('button', { name: /Mark verified/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect([status('c-tanks'), status('c-air')]).toEqual(['verified', 'verified']);
    await act(async () => {
      answers['/api/claims/c-air/verdicts']?.(
        json(201, {
          claim: { ...aircraft, status: 'verified', version: 1 },
          verdict: makeVerdict({ claimId: 'c-air' }),
        }),
      );
    });
    await screen.findByText('Saved: verified.');
    await act(async () => {
      answers['/api/claims/c-tanks/verdicts']?.(
        json(503, { error: { code: 'internal_error', message: 'the database is unavailable', path: [] } }),
      );
    });
    await waitFor(() => expect(status('c-tanks')).toBe('pending'));
    expect(status('c-air')).toBe('verified');
  });

  it("saves through the handle the page's Enter key uses, and a viewer gets no verdict controls", async () => {
    const { handleRef, unmount } = setup({
      'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())),
      'POST /api/claims/c-tanks/verdicts': () =>
        json(201, { claim: makeClaim({ status: 'verified', version: 1 }), verdict: makeVerdict() }),
    });
    act(() => handleRef.current?.save('verified'));
    await screen.findByText('Saved: verified.');
    unmount();
    setup({ 'GET /api/claims/c-tanks': () => json(200, makeDetail(makeClaim())) }, { canReview: false });
    expect(screen.queryByRole('button', { name: /Mark/ })).toBeNull();
    expect(screen.getByText(/marking claims needs the editor role/)).toBeTruthy();
  });

  it('opens a new claim at its top, with the verdict buttons and their outcome in a group of their own', async () => {
    const aircraft = makeClaim({ id: 'c-air', text: '14 aircraft' });
    const { container } = setup(
      {
        'GET /api/claims/': () => json(200, makeDetail(makeClaim())),
        'POST /api/claims/c-tanks/verdicts': () =>
          json(201, { claim: makeClaim({ status: 'verified', version: 1 }), verdict: makeVerdict() }),
      },
      { others: [aircraft] },
    );
    const user = userEvent.setup();
    const bar = screen.getByRole('group', { name: 'Mark this claim' });
    await user.click(within(bar).getByRole('button', { name: /Mark verified/ }));
    // What the press did is told beside the buttons, not somewhere further down the panel.
    await within(bar).findByText('Saved: verified.');
    const body = container.querySelector<HTMLElement>('.claim-body');
    if (!body) throw new Error('no scrolling body in the panel');
    body.scrollTop = 240;
    await user.click(screen.getByRole('button', { name: 'next claim' }));
    await waitFor(() => expect(container.querySelector('.claim-text')?.textContent).toBe('14 aircraft'));
    expect(body.scrollTop).toBe(0);
  });
});
