import type { Claim, ReviewStatus, VerdictStatus } from '@claimdesk/contracts';
import { ArticleVersions } from '../components/article-versions.tsx';
import { DeleteArticle } from '../components/delete-article.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useNavigate, useNavigationType, useParams, useSearchParams } from 'react-router';
import { currentUrlParams } from '../components/url-params.ts';
import { ApiError } from '../api/client.ts';
import { isDraft, useClaimAction, usePublishArticle } from '../api/publication-queries.ts';
import { articleQuery, sessionQuery } from '../api/queries.ts';
import { PublicationBadge } from '../components/publication.tsx';
import { useLiveDesk } from '../components/use-live-desk.ts';
import { ClaimPanel, type ClaimPanelHandle } from '../components/claim-panel.tsx';
import { AddClaimForm, type CorrectionHandle, SPAN_KEYS, selectionOffsets } from '../components/correction-form.tsx';
import { nextPendingClaim } from '../components/next-pending.ts';
import { buildSegments, splitAtLineBreaks } from '../components/segments.ts';
import { type Verdicts, useVerdicts } from '../components/use-verdicts.ts';
import { ShortcutHelp, isTypingTarget } from '../components/shortcut-help.tsx';
import { STATUS_LABEL, StatusBadge } from '../components/status.tsx';

const KEY_STATUS: Record<string, VerdictStatus> = { v: 'verified', d: 'disputed', u: 'unverifiable' };

/** A new article is a new page: nothing (selection, armed verdict, note) carries over from the last one. */
export function ArticlePage({ canReview, isAdmin = false }: { canReview: boolean; isAdmin?: boolean }) {
  const { id = '' } = useParams();
  return <ArticleView key={id} id={id} canReview={canReview} isAdmin={isAdmin} />;
}

function ArticleView({ id, canReview, isAdmin }: { id: string; canReview: boolean; isAdmin: boolean }) {
  const article = useQuery(articleQuery(id));
  const [, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  // The selection lives in React state first and is mirrored into the URL. React Router applies URL
  // changes inside a transition, so the URL can already name the new claim while the page still
  // renders the old one; keys read this state (and the ref beside it), never the URL.
  const [selectedId, setSelectedId] = useState<string | null>(() => new URLSearchParams(location.search).get('claim'));
  const [pendingStatus, setPendingStatus] = useState<VerdictStatus | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  // On a phone the claim panel is a sheet over the page; collapsed, it is one line at the foot and
  // the text and the claim list behind it are free to read and tap.
  const [sheetCollapsed, setSheetCollapsed] = useState(false);
  const live = useRef({ selectedId, pendingStatus, showHelp });
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const panelRef = useRef<ClaimPanelHandle | null>(null);
  const correctionRef = useRef<CorrectionHandle | null>(null);
  const textRef = useRef<HTMLDivElement | null>(null);
  // The span of the article text an editor selected and pressed `a` on: a claim the parser missed.
  const [addSpan, setAddSpan] = useState<{ start: number; end: number } | null>(null);
  const [addHint, setAddHint] = useState<string | null>(null);
  const claims = article.data?.claims ?? [];
  const claimsRef = useRef(claims);
  claimsRef.current = claims;
  const selected = claims.find((c) => c.id === selectedId) ?? null;
  const verdicts = useVerdicts(id);
  const session = useQuery(sessionQuery);
  const liveDesk = useLiveDesk(id, session.data?.user.id ?? null);
  const claimAction = useClaimAction(id);
  const publishAll = usePublishArticle(id);
  const claimActionRef = useRef(claimAction);
  claimActionRef.current = claimAction;
  const segments = useMemo(
    () => (article.data ? buildSegments(article.data.text.length, article.data.claims) : []),
    [article.data],
  );

  const armStatus = (status: VerdictStatus | null) => {
    live.current.pendingStatus = status;
    flushSync(() => {
      setPendingStatus(status);
      // A verdict being armed needs its buttons and note in view.
      if (status) setSheetCollapsed(false);
    });
  };
  // The note sits in the panel's scrolling part: bring it into view there, where the cursor now is.
  const focusNote = () => {
    noteRef.current?.focus({ preventScroll: true });
    noteRef.current?.scrollIntoView?.({ block: 'nearest' });
  };
  const toggleHelp = (open: boolean) => {
    live.current.showHelp = open;
    setShowHelp(open);
  };

  const select = (claim: Claim | undefined, from: 'keys' | 'text' | 'list') => {
    if (!claim) return;
    live.current.selectedId = claim.id;
    live.current.pendingStatus = null;
    // Rendered now, not later: the next key (v, Enter) must act on the claim the reader sees.
    flushSync(() => {
      setSelectedId(claim.id);
      setPendingStatus(null);
      setSheetCollapsed(false);
    });
    setParams(
      () => {
        const next = currentUrlParams();
        next.set('claim', claim.id);
        return next;
      },
      { replace: true },
    );
    const item = document.getElementById(`claim-item-${claim.id}`);
    const button = item?.querySelector('button');
    if (from !== 'list') item?.scrollIntoView({ block: 'nearest' });
    if (from === 'keys') button?.focus({ preventScroll: true });
    const mark = document.querySelector(`[data-claim-id="${claim.id}"]`);
    // On a phone the panel is a sheet over the lower part of the screen: the claim goes above it,
    // in the text, or in the list when it was tapped there (the reader stays in the list).
    if (isOneColumn()) (from === 'list' ? item : mark)?.scrollIntoView({ block: 'start' });
    else if (from !== 'text') mark?.scrollIntoView({ block: 'center' });
  };
  const deselect = () => {
    live.current.selectedId = null;
    live.current.pendingStatus = null;
    setSelectedId(null);
    setPendingStatus(null);
    setParams(
      () => {
        const next = currentUrlParams();
        next.delete('claim');
        return next;
      },
      { replace: true },
    );
  };
  /** Escape on a phone: the sheet closes and the focus goes back to the claim in the list. */
  const closeSheet = () => {
    const claimId = live.current.selectedId;
    deselect();
    if (claimId)
      document.getElementById(`claim-item-${claimId}`)?.querySelector('button')?.focus({ preventScroll: true });
  };
  const closeSheetRef = useRef(closeSheet);
  closeSheetRef.current = closeSheet;

  // Back and Forward (and links from elsewhere) move the selection; our own replaces do not.
  useEffect(() => {
    if (navigationType === 'REPLACE') return;
    const fromUrl = new URLSearchParams(location.search).get('claim');
    if (fromUrl !== live.current.selectedId) {
      live.current.selectedId = fromUrl;
      live.current.pendingStatus = null;
      setSelectedId(fromUrl);
      setPendingStatus(null);
    }
  }, [location.search, navigationType]);

  // Scroll to a claim named by the URL once the article has arrived.
  const hasScrolled = useRef(false);
  useEffect(() => {
    if (hasScrolled.current || !article.data || !live.current.selectedId) return;
    hasScrolled.current = true;
    const claimId = live.current.selectedId;
    document.getElementById(`claim-item-${claimId}`)?.scrollIntoView({ block: 'nearest' });
    document
      .querySelector(`[data-claim-id="${claimId}"]`)
      ?.scrollIntoView({ block: isOneColumn() ? 'start' : 'center' });
  }, [article.data]);

  const selectRef = useRef(select);
  selectRef.current = select;
  const canReviewRef = useRef(canReview);
  canReviewRef.current = canReview;

  // Subscribed once: the handler reads everything through refs, so no key press sees stale state.
  // A layout effect, so the keys work from the first paint on, not a scheduler tick later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: armStatus and toggleHelp only touch refs and state setters
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const state = live.current;
      if (state.showHelp) {
        if (e.key === '?' || e.key === 'Escape') {
          e.preventDefault();
          toggleHelp(false);
        }
        return;
      }
      if (isTypingTarget(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const list = claimsRef.current;
      const index = list.findIndex((c) => c.id === state.selectedId);
      const current = index >= 0 ? list[index] : undefined;
      const status = KEY_STATUS[e.key];
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        selectRef.current(list[Math.min(list.length - 1, index + 1)], 'keys');
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        selectRef.current(list[Math.max(0, index - 1)], 'keys');
      } else if (status && current && canReviewRef.current) {
        e.preventDefault();
        armStatus(status);
        if (status !== 'verified') focusNote();
      } else if (e.key === 'r' && current && canReviewRef.current) {
        e.preventDefault();
        panelRef.current?.citeReference();
      } else if (e.key === 'e' && current && canReviewRef.current) {
        e.preventDefault();
        correctionRef.current?.openEdit();
      } else if (
        SPAN_KEYS[e.key] &&
        current &&
        canReviewRef.current &&
        correctionRef.current?.takeSelection(SPAN_KEYS[e.key] ?? 'text')
      ) {
        // With the correction form open: the text selected in the article becomes that span.
        e.preventDefault();
      } else if (e.key === 'R' && current && canReviewRef.current) {
        if (panelRef.current?.openRetract()) e.preventDefault();
      } else if (e.key === 'x' && current && canReviewRef.current) {
        e.preventDefault();
        correctionRef.current?.toggleReject();
      } else if (e.key === 'a' && canReviewRef.current) {
        e.preventDefault();
        const span = selectionOffsets(textRef.current);
        setAddSpan(span);
        setAddHint(span ? null : 'Select the missed statement or figure in the article text first, then press a.');
      } else if (e.key === 'n' && current && canReviewRef.current) {
        e.preventDefault();
        focusNote();
      } else if (e.key === 'Enter' && state.pendingStatus && current) {
        e.preventDefault();
        panelRef.current?.save(state.pendingStatus);
      } else if ((e.key === 'P' || e.key === 'z') && current && canReviewRef.current && isDraft(current)) {
        // P publishes the selected claim's draft; z withdraws it (undo), both at the version on screen.
        e.preventDefault();
        claimActionRef.current.mutate({ claim: current, action: e.key === 'P' ? 'publish' : 'withdraw' });
      } else if (e.key === 'p') {
        const next = nextPendingClaim(list, index);
        if (next) {
          e.preventDefault();
          selectRef.current(next, 'keys');
        }
      } else if (e.key === '?') {
        e.preventDefault();
        toggleHelp(true);
      } else if (e.key === '/') {
        e.preventDefault();
        void navigate('/search', { state: { focusSearch: Date.now() } });
      } else if (e.key === 'Escape') {
        // First an armed verdict is disarmed; then, on a phone, the sheet closes.
        if (state.pendingStatus) armStatus(null);
        else if (current && isOneColumn()) {
          e.preventDefault();
          closeSheetRef.current();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  if (article.isLoading)
    return (
      <p className="state" role="status">
        Loading the article…
      </p>
    );
  if (article.isError) {
    const notFound = article.error instanceof ApiError && article.error.status === 404;
    return (
      <div className="state" role="alert">
        <h1>{notFound ? 'Article not found' : 'The article could not be loaded'}</h1>
        <p>{notFound ? 'It may have been removed, or the link is wrong.' : article.error.message}</p>
        <p>
          {!notFound && (
            <button type="button" className="btn" onClick={() => void article.refetch()}>
              Try again
            </button>
          )}{' '}
          <Link to="/">Back to articles</Link>
        </p>
      </div>
    );
  }
  const a = article.data;
  if (!a) return null;
  // Counted from the claims in the cache, so an optimistic verdict moves the bar at once.
  const counts: Record<ReviewStatus, number> = { pending: 0, verified: 0, disputed: 0, unverifiable: 0 };
  for (const c of claims) counts[c.status]++;
  const reviewed = claims.length - counts.pending;
  const drafts = claims.filter(isDraft);
  const percent = claims.length > 0 ? Math.round((reviewed / claims.length) * 100) : 0;
  const endsAt = (claim: Claim | null, end: number) => (claim && claim.end === end ? claim : null);

  return (
    <div className="article-layout" data-own-shortcuts="">
      <article className="article" aria-labelledby="article-title">
        <nav aria-label="Breadcrumb" className="crumbs">
          <Link to="/">Articles</Link> ›{' '}
          <span aria-current="page">{[a.outlet, a.publishedOn].filter(Boolean).join(', ') || 'article'}</span>
        </nav>
        <h1 id="article-title">{a.title}</h1>
        <dl className="meta">
          <div>
            <dt>Date</dt>
            <dd>{a.publishedOn ? <time dateTime={a.publishedOn}>{a.publishedOn}</time> : 'undated'}</dd>
          </div>
          <div>
            <dt>Dateline</dt>
            <dd>{a.dateline.join(' / ') || '—'}</dd>
          </div>
          <div>
            <dt>Outlet</dt>
            <dd>{a.outlet ?? 'unknown'}</dd>
          </div>
          <div>
            <dt>Byline</dt>
            <dd>{a.byline ?? '—'}</dd>
          </div>
          {a.url && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={a.url} rel="noreferrer noopener" target="_blank" className="original-url">
                  {new URL(a.url).host}
                </a>
              </dd>
            </div>
          )}
        </dl>
        {a.version > 1 && <ArticleVersions articleId={a.id} current={a.version} />}
        {isAdmin && (
          <div className="article-admin">
            <DeleteArticle article={a} />
          </div>
        )}
        <div className="progress">
          <progress
            max={claims.length || 1}
            value={reviewed}
            aria-label="Review progress"
            aria-valuetext={`${reviewed} of ${claims.length} claims reviewed`}
          />
          <span>
            <strong>
              {reviewed} of {claims.length} reviewed ({percent}%)
            </strong>{' '}
            · {counts.verified} verified · {counts.disputed} disputed · {counts.unverifiable} unverifiable ·{' '}
            {counts.pending} pending · {drafts.length} {drafts.length === 1 ? 'draft' : 'drafts'} not yet public
          </span>
          {canReview && drafts.length > 0 && (
            <button
              type="button"
              className="btn btn-small publish-all"
              disabled={publishAll.isPending}
              onClick={() => publishAll.mutate(drafts)}
            >
              Publish all reviewed ({drafts.length})
            </button>
          )}
          {publishAll.isError && (
            <p role="alert" className="message message-error">
              Not published: {publishAll.error.message}
            </p>
          )}
        </div>
        <Legend />
        <div className="article-text" ref={textRef}>
          {segments.map((s) => {
            const claim = s.figure ?? s.statement;
            // The header line is shown above as metadata; offsets still count from the raw text.
            if (!claim && s.end <= a.bodyStart) return null;
            const shownFrom = claim ? s.start : Math.max(s.start, a.bodyStart);
            const text = a.text.slice(shownFrom, s.end);
            if (!claim)
              return (
                <span key={s.start} data-start={shownFrom}>
                  {text}
                </span>
              );
            const classes = [
              'hl',
              s.statement ? `hl-statement st-${s.statement.status}` : '',
              s.figure ? `hl-figure fst-${s.figure.status}` : '',
              claim.isRejected ? 'hl-rejected' : '',
              selected && (selected.id === s.figure?.id || selected.id === s.statement?.id) ? 'is-selected' : '',
            ].join(' ');
            const tags = [endsAt(s.figure, s.end), endsAt(s.statement, s.end)].filter((c): c is Claim => c !== null);
            const pieces = splitAtLineBreaks(text);
            const lastMarked = pieces.findLastIndex((p) => !p.isBreak);
            return pieces.map((piece, i) =>
              piece.isBreak ? (
                <span key={s.start + piece.offset} data-start={s.start + piece.offset}>
                  {piece.text}
                </span>
              ) : (
                // Mouse users click the text; keyboard users reach every claim through the list (j/k).
                // biome-ignore lint/a11y/useKeyWithClickEvents: the claim list offers the same with keys
                <mark
                  key={s.start + piece.offset}
                  data-start={s.start + piece.offset}
                  className={classes}
                  data-claim-id={claim.id}
                  data-status={claim.status}
                  title={`${claim.kind}: ${STATUS_LABEL[claim.status].label}`}
                  onClick={() => {
                    // Selecting text (to add a claim or set a span) is not picking a claim.
                    if (window.getSelection()?.isCollapsed === false) return;
                    select(claim, 'text');
                  }}
                >
                  {piece.text}
                  {i === lastMarked &&
                    tags.map((c) => (
                      <span key={c.id} className={`hl-tag tag-${c.status}`}>
                        {c.status !== 'pending' && <span aria-hidden="true">{STATUS_LABEL[c.status].symbol}</span>}
                        <span className="sr-only">
                          {' '}
                          ({c.kind}, {STATUS_LABEL[c.status].label.toLowerCase()})
                        </span>
                      </span>
                    ))}
                </mark>
              ),
            );
          })}
        </div>
      </article>
      <aside className="side" aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          Claims{' '}
          <span className="hint">
            ({claims.length}
            <span className="claims-keys">
              ; <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>p</kbd> next pending, <kbd>?</kbd> keys
            </span>
            )
          </span>
        </h2>
        {liveDesk.notices.length > 0 && (
          <div className="live-notices" role="status" aria-live="polite">
            {liveDesk.notices.slice(0, 3).map((n) => (
              <p key={n.claimId} className="live-notice">
                <span>
                  Changed by <strong>{n.by}</strong>: “{n.text.length > 50 ? `${n.text.slice(0, 50)}…` : n.text}”
                </span>{' '}
                <button
                  type="button"
                  className="btn-small"
                  onClick={() => {
                    const c = claims.find((x) => x.id === n.claimId);
                    if (c) select(c, 'list');
                    liveDesk.dismiss(n.claimId);
                  }}
                >
                  Show
                </button>{' '}
                <button type="button" className="btn-small" onClick={() => liveDesk.dismiss(n.claimId)}>
                  Dismiss
                </button>
              </p>
            ))}
          </div>
        )}
        <OtherClaimNotices
          claims={claims}
          selectedId={selectedId}
          verdicts={verdicts}
          onShow={(c) => select(c, 'list')}
        />
        {claims.length === 0 && <p className="state">The parser found no claims in this article.</p>}
        <ul className="claim-list" aria-label="Claims in this article">
          {claims.map((c) => (
            <li key={c.id} id={`claim-item-${c.id}`}>
              <button
                type="button"
                className={`claim-item kind-${c.kind}${selected?.id === c.id ? ' is-selected' : ''}${c.isRejected ? ' is-rejected' : ''}`}
                aria-current={selected?.id === c.id ? 'true' : undefined}
                onClick={() => select(c, 'list')}
              >
                <StatusBadge status={c.status} />
                <PublicationBadge claim={c} />
                <span className="claim-kind">
                  {c.figure ? (
                    // How the parser read the figure, so a figure and its one-line statement (the MoD
                    // loss lists) are told apart, and a misread shows before the claim is opened.
                    <>
                      Figure <span className="claim-figure">· {figureSummary(c.figure)}</span>
                    </>
                  ) : (
                    (c.sourceCanonical ?? 'Statement')
                  )}
                </span>
                <span className="claim-item-text">{c.text}</span>
              </button>
            </li>
          ))}
        </ul>
        {addHint && (
          <p className="message message-error" role="alert">
            {addHint}
          </p>
        )}
        {addSpan && (
          <AddClaimForm
            key={`${addSpan.start}-${addSpan.end}`}
            articleId={a.id}
            articleText={a.text}
            span={addSpan}
            onDone={(claimId) => {
              setAddSpan(null);
              if (claimId) {
                setSelectedId(claimId);
                setAddHint(null);
              }
            }}
          />
        )}
        {selected && (
          <ClaimPanel
            correctionRef={correctionRef}
            claim={selected}
            articleText={a.text}
            verdicts={verdicts}
            canReview={canReview}
            noteRef={noteRef}
            handleRef={panelRef}
            pendingStatus={pendingStatus}
            onPendingStatusChange={armStatus}
            onSubmitted={() => document.getElementById(`claim-item-${selected.id}`)?.querySelector('button')?.focus()}
            onClose={deselect}
            collapsed={sheetCollapsed}
            onCollapsedChange={setSheetCollapsed}
          />
        )}
        {selectedId && !selected && (
          <p className="state" role="alert">
            This claim is not part of this article. Pick one from the list.
          </p>
        )}
        {!selectedId && claims.length > 0 && (
          <div className="state pick">
            <p>
              <strong>No claim selected.</strong>
            </p>
            <p>
              Press <kbd>j</kbd> to start with the first claim, or pick one in the list or in the text. <kbd>?</kbd>{' '}
              shows every shortcut.
            </p>
          </div>
        )}
      </aside>
      {showHelp && <ShortcutHelp onClose={() => toggleHelp(false)} />}
    </div>
  );
}

/** The one-column layout (styles.css, max-width 900px), where the claim panel is a sheet at the bottom. */
function isOneColumn(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 900px)').matches;
}

/** "tanks: about 732": the category, the qualifier unless exact, and the value. */
export function figureSummary(figure: NonNullable<Claim['figure']>): string {
  const qualifier = figure.qualifier === 'exact' ? '' : `${figure.qualifier.replaceAll('_', ' ')} `;
  return `${figure.category.replaceAll('_', ' ')}: ${qualifier}${figure.value.toLocaleString('en-GB')}`;
}

function Legend() {
  return (
    <ul className="legend" aria-label="How highlights show status">
      {(['pending', 'verified', 'disputed', 'unverifiable'] as const).map((s) => (
        <li key={s}>
          <mark className={`hl hl-statement st-${s}`}>statement</mark>{' '}
          <mark className={`hl hl-figure fst-${s}`}>figure</mark>
          <span className={`hl-tag tag-${s}`} aria-hidden="true">
            {s === 'pending' ? '' : STATUS_LABEL[s].symbol}
          </span>{' '}
          {STATUS_LABEL[s].label}
        </li>
      ))}
    </ul>
  );
}

/** A save refused after the reviewer moved on stays visible until they look at it or dismiss it. */
function OtherClaimNotices({
  claims,
  selectedId,
  verdicts,
  onShow,
}: {
  claims: Claim[];
  selectedId: string | null;
  verdicts: Verdicts;
  onShow: (claim: Claim) => void;
}) {
  const refused = claims.filter(
    (c) => c.id !== selectedId && verdicts.messages[c.id] && verdicts.messages[c.id]?.kind !== 'ok',
  );
  if (refused.length === 0) return null;
  return (
    <div className="notices">
      {refused.map((c) => (
        <div key={c.id} role="alert" className="message message-error notice">
          <span>
            <strong>{verdicts.messages[c.id]?.kind === 'conflict' ? 'Conflict' : 'Not saved'}</strong> on “
            {c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}”.
          </span>{' '}
          <button type="button" className="btn-small" onClick={() => onShow(c)}>
            Show
          </button>{' '}
          <button
            type="button"
            className="btn-small"
            onClick={() => verdicts.dismiss(c.id)}
            aria-label={`Dismiss the message about “${c.text.slice(0, 40)}”`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
