import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, json, makeClaim, makeClaimList, mockFetch } from '../test/fixtures.tsx';
import { QueuePage, filtersFromUrl } from './queue-page.tsx';

// jsdom lays nothing out: give the queue's scroll box a size, as a browser would, so the virtual list has a window.
const layout = ['clientHeight', 'clientWidth'] as const;
const original = layout.map((p) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, p));
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
  for (const p of layout) {
    Object.defineProperty(HTMLElement.prototype, p, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('queue') ? (p === 'clientHeight' ? 640 : 1000) : 0;
      },
    });
  }
});
afterAll(() => {
  layout.forEach((p, i) => {
    const d = original[i];
    if (d) Object.defineProperty(HTMLElement.prototype, p, d);
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function ShowLocation() {
  const location = useLocation();
  return (
    <output aria-label="location">
      {location.pathname}
      {location.search}
    </output>
  );
}

const ARTICLE_TITLES = { items: [{ id: 'a1', title: 'Seed article', publishedOn: '2022-02-27', outlet: null }] };

function setup(url: string, claimsHandler: Parameters<typeof mockFetch>[0][string]) {
  const calls = mockFetch({
    'GET /api/claims': claimsHandler,
    'GET /api/article-titles': () => json(200, ARTICLE_TITLES),
  });
  const client = createTestQueryClient();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/queue"
            element={
              <>
                <QueuePage />
                <ShowLocation />
              </>
            }
          />
          <Route path="/articles/:id" element={<ShowLocation />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const location = () => screen.getByRole('status', { name: 'location' }).textContent ?? '';
  return { calls, location, claimCalls: () => calls.filter((c) => c.url.pathname === '/api/claims') };
}

const tanks = makeClaim({ id: 'c1', text: '102 tanks' });
const aircraft = makeClaim({
  id: 'c2',
  text: '14 aircraft',
  status: 'verified',
  figure: {
    value: 14,
    qualifier: 'exact',
    category: 'aircraft',
    unit: 'aircraft',
    subject: 'russia',
    since: null,
    kind: 'loss',
  },
});
const counts = { pending: 7, verified: 3, disputed: 2, unverifiable: 1, total: 13 };

describe('QueuePage', () => {
  it('asks the server for the filters in the URL, one page at a time, and shows the counts per status', async () => {
    const { claimCalls } = setup('/queue?category=tanks&status=pending,disputed&sort=value&order=desc&junk=1', () =>
      json(200, makeClaimList([tanks], { total: 9, counts })),
    );
    await screen.findByText('102 tanks');
    const params = claimCalls()[0]?.url.searchParams;
    expect(params?.get('category')).toBe('tanks');
    expect(params?.get('status')).toBe('pending,disputed');
    expect(params?.get('sort')).toBe('value');
    expect(params?.get('order')).toBe('desc');
    expect(params?.get('page')).toBe('1');
    expect(params?.get('pageSize')).toBe('100');
    expect(params?.has('junk')).toBe(false);
    expect(screen.getByText('9', { selector: 'strong' }).parentElement?.textContent).toContain('9 claims match');
    const statusGroup = screen.getByRole('group', { name: /Status/ });
    expect(
      within(statusGroup)
        .getByRole('button', { name: /Pending 7/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      within(statusGroup)
        .getByRole('button', { name: /Disputed 2/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      within(statusGroup)
        .getByRole('button', { name: /Verified 3/ })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    // Rows say where they are in the whole list, which the DOM holds only a window of.
    const row = screen.getByText('102 tanks').closest('li');
    expect(row?.getAttribute('aria-setsize')).toBe('9');
    expect(row?.getAttribute('aria-posinset')).toBe('1');
  });

  it('says "1,000+" when a search matched more claims than the server counted, and the counts likewise', async () => {
    setup('/queue?q=tanks', () =>
      json(200, makeClaimList([tanks], { total: 1000, totalCapped: true, countsCapped: true, counts })),
    );
    await screen.findByText('102 tanks');
    const line = screen.getByText('1,000+', { selector: 'strong' }).parentElement?.textContent;
    expect(line).toContain('1,000+ claims match');
    expect(line).toContain('scroll on for more');
    const statusGroup = screen.getByRole('group', { name: /Status/ });
    within(statusGroup).getByRole('button', { name: /Pending 7\+/ });
    within(statusGroup).getByRole('button', { name: /Unverifiable 1\+/ });
    expect(screen.getByText('102 tanks').closest('li')?.getAttribute('aria-setsize')).toBe('1000');
  });

  it('puts every filter change into the URL, and the list follows the URL', async () => {
    const { location, claimCalls } = setup('/queue', (url) =>
      json(
        200,
        url.searchParams.get('category') === 'aircraft'
          ? makeClaimList([aircraft], { counts })
          : makeClaimList([tanks, aircraft], { counts }),
      ),
    );
    await screen.findByText('102 tanks');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Category'), 'aircraft');
    expect(location()).toContain('category=aircraft');
    await waitFor(() => expect(screen.queryByText('102 tanks')).toBeNull());
    expect(screen.getByText('14 aircraft')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Verified/ }));
    expect(location()).toContain('status=verified');
    await user.selectOptions(screen.getByLabelText('Article'), 'a1');
    expect(location()).toContain('articleId=a1');
    await user.type(screen.getByLabelText('As of, from'), '2022-02-01');
    expect(location()).toContain('from=2022-02-01');
    await waitFor(() => expect(claimCalls().at(-1)?.url.searchParams.get('from')).toBe('2022-02-01'));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/queue');
  });

  it('sends the search to the URL after a pause, not on every letter, and / focuses it', async () => {
    const { location, claimCalls } = setup('/queue', () => json(200, makeClaimList([tanks], { counts })));
    await screen.findByText('102 tanks');
    const user = userEvent.setup();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    expect(document.activeElement).toBe(search);
    await user.type(search, 'tanks');
    expect(location()).not.toContain('q=');
    await waitFor(() => expect(location()).toContain('q=tanks'));
    await waitFor(() => expect(claimCalls().at(-1)?.url.searchParams.get('q')).toBe('tanks'));
    // One request for the finished word, none for "t", "ta", ...
    expect(
      claimCalls()
        .filter((c) => c.url.searchParams.get('q')?.startsWith('t'))
        .map((c) => c.url.searchParams.get('q')),
    ).toEqual(['tanks']);
  });

  it('moves through rows with j/k and opens the active one with Enter', async () => {
    const { location } = setup('/queue', () => json(200, makeClaimList([tanks, aircraft], { counts })));
    await screen.findByText('102 tanks');
    const user = userEvent.setup();
    await user.keyboard('j');
    expect(document.activeElement?.textContent).toContain('102 tanks');
    await user.keyboard('j');
    expect(document.activeElement?.textContent).toContain('14 aircraft');
    await user.keyboard('k');
    expect(document.activeElement?.textContent).toContain('102 tanks');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location()).toBe('/articles/a1?claim=c1'));
  });

  it('has designed empty and error states', async () => {
    setup('/queue?q=nothing', () => json(200, makeClaimList([], { counts: { ...counts, pending: 0 } })));
    await screen.findByText('No claim matches these filters.');
    expect(screen.getAllByRole('button', { name: 'Clear filters' }).length).toBeGreaterThan(0);
    cleanup();
    vi.unstubAllGlobals();
    let fail = true;
    setup('/queue', () =>
      fail
        ? json(500, { error: { code: 'internal_error', message: 'database is down', path: [] } })
        : json(200, makeClaimList([tanks], { counts })),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Claims could not be loaded: database is down');
    fail = false;
    await act(async () => {
      await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    await screen.findByText('102 tanks');
  });

  it('reads only the queue filters from a URL', () => {
    expect(filtersFromUrl(new URLSearchParams('status=pending&page=9&claim=x&q=a+b')).toString()).toBe(
      'status=pending&q=a+b',
    );
  });
});
