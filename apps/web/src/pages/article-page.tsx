import type { Claim, VerdictStatus } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { articleQuery } from '../api/queries.ts';
import { ClaimPanel } from '../components/claim-panel.tsx';
import { buildSegments } from '../components/segments.ts';
import { STATUS_LABEL, StatusBadge } from '../components/status.tsx';

export function ArticlePage({ canReview }: { canReview: boolean }) {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const article = useQuery(articleQuery(id));
  const selectedId = params.get('claim');
  const [pendingStatus, setPendingStatus] = useState<VerdictStatus | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const claims = article.data?.claims ?? [];
  const selected = claims.find((c) => c.id === selectedId) ?? null;
  const segments = useMemo(() => (article.data ? buildSegments(article.data.text.length, article.data.claims) : []), [article.data]);

  const select = (claim: Claim | undefined, scroll: 'text' | 'list' | 'both' = 'both') => {
    if (!claim) return;
    setPendingStatus(null);
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('claim', claim.id);
      return next;
    }, { replace: true });
    requestAnimationFrame(() => {
      if (scroll !== 'list') document.querySelector(`[data-claim-id="${claim.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (scroll !== 'text') document.getElementById(`claim-item-${claim.id}`)?.scrollIntoView({ block: 'nearest' });
    });
  };

  // Keys read the latest state through a ref: a fast typist can press v right after j, before an effect re-subscribes.
  const latest = useRef({ selected, claims, pendingStatus, canReview, select });
  latest.current = { selected, claims, pendingStatus, canReview, select };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { selected, claims, pendingStatus, canReview, select } = latest.current;
      const target = e.target as HTMLElement | null;
      const isTyping = target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT');
      if (isTyping) {
        if (e.key === 'Escape') (target as HTMLElement).blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const index = selected ? claims.findIndex((c) => c.id === selected.id) : -1;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        select(claims[Math.min(claims.length - 1, index + 1)]);
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        select(claims[Math.max(0, index - 1)]);
      } else if (canReview && selected && (e.key === 'v' || e.key === 'd' || e.key === 'u')) {
        e.preventDefault();
        const status = e.key === 'v' ? 'verified' : e.key === 'd' ? 'disputed' : 'unverifiable';
        setPendingStatus(status);
        if (status !== 'verified') noteRef.current?.focus();
      } else if (e.key === 'n' && selected) {
        e.preventDefault();
        noteRef.current?.focus();
      } else if (e.key === 'Enter' && pendingStatus && selected) {
        e.preventDefault();
        (document.querySelector(`.btn-${pendingStatus}`) as HTMLButtonElement | null)?.click();
      } else if (e.key === '?') {
        setShowHelp((s) => !s);
      } else if (e.key === 'Escape') {
        setPendingStatus(null);
        setShowHelp(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (article.isLoading) return <p className="state">Loading the article…</p>;
  if (article.isError) {
    const notFound = article.error instanceof ApiError && article.error.status === 404;
    return (
      <div className="state" role="alert">
        <h1>{notFound ? 'Article not found' : 'The article could not be loaded'}</h1>
        <p>{notFound ? 'It may have been removed, or the link is wrong.' : article.error.message}</p>
        <Link to="/">Back to articles</Link>
      </div>
    );
  }
  const a = article.data;
  if (!a) return null;
  const reviewed = a.counts.total - a.counts.pending;
  const percent = a.counts.total > 0 ? Math.round((reviewed / a.counts.total) * 100) : 0;

  return (
    <div className="article-layout">
      <article className="article" aria-labelledby="article-title">
        <p className="crumbs"><Link to="/">Articles</Link> ›</p>
        <h1 id="article-title">{a.title}</h1>
        <p className="meta">
          {a.publishedOn ?? 'undated'} · {a.dateline.join(' / ') || 'no dateline'} · {a.outlet ?? 'unknown outlet'}
          {a.byline ? ` · by ${a.byline}` : ''}
        </p>
        <div className="progress" aria-label={`Review progress: ${reviewed} of ${a.counts.total} claims reviewed`}>
          <progress max={a.counts.total || 1} value={reviewed} />
          <span>{reviewed} of {a.counts.total} reviewed ({percent}%) · {a.counts.verified} verified · {a.counts.disputed} disputed · {a.counts.unverifiable} unverifiable</span>
        </div>
        <div className="article-text">
          {segments.map((s) => {
            const text = a.text.slice(s.start, s.end);
            const claim = s.figure ?? s.statement;
            if (!claim) return <span key={s.start}>{text}</span>;
            const classes = [
              'hl',
              s.statement ? `hl-statement st-${s.statement.status}` : '',
              s.figure ? `hl-figure st-${s.figure.status}` : '',
              selected && (selected.id === s.figure?.id || selected.id === s.statement?.id) ? 'is-selected' : '',
            ].join(' ');
            return (
              <mark
                key={s.start}
                className={classes}
                data-claim-id={claim.id}
                title={`${claim.kind}: ${STATUS_LABEL[claim.status].label}`}
                onClick={() => select(claim, 'list')}
              >
                {text}
              </mark>
            );
          })}
        </div>
      </article>
      <aside className="side" aria-label="Claims">
        <h2>Claims <span className="hint">(j/k to move, ? for shortcuts)</span></h2>
        {claims.length === 0 && <p className="state">The parser found no claims in this article.</p>}
        <ul className="claim-list">
          {claims.map((c) => (
            <li key={c.id} id={`claim-item-${c.id}`}>
              <button
                type="button"
                className={`claim-item kind-${c.kind}${selected?.id === c.id ? ' is-selected' : ''}`}
                aria-current={selected?.id === c.id ? 'true' : undefined}
                onClick={() => select(c, 'text')}
              >
                <StatusBadge status={c.status} />
                <span className="claim-kind">{c.kind === 'figure' ? 'Figure' : c.sourceCanonical ?? 'Statement'}</span>
                <span className="claim-item-text">{c.text}</span>
              </button>
            </li>
          ))}
        </ul>
        {selected && (
          <ClaimPanel
            claim={selected}
            articleId={a.id}
            articleText={a.text}
            canReview={canReview}
            noteRef={noteRef}
            pendingStatus={pendingStatus}
            onPendingStatusChange={setPendingStatus}
          />
        )}
      </aside>
      {showHelp && <ShortcutHelp onClose={() => setShowHelp(false)} />}
    </div>
  );
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          <dt><kbd>j</kbd> / <kbd>↓</kbd></dt><dd>next claim</dd>
          <dt><kbd>k</kbd> / <kbd>↑</kbd></dt><dd>previous claim</dd>
          <dt><kbd>v</kbd> <kbd>d</kbd> <kbd>u</kbd></dt><dd>choose verified, disputed, unverifiable</dd>
          <dt><kbd>n</kbd></dt><dd>write the note</dd>
          <dt><kbd>Enter</kbd></dt><dd>save the chosen verdict</dd>
          <dt><kbd>/</kbd></dt><dd>search claims (queue)</dd>
          <dt><kbd>Esc</kbd></dt><dd>cancel, leave a field</dd>
          <dt><kbd>?</kbd></dt><dd>this help</dd>
        </dl>
        <button type="button" onClick={onClose} autoFocus>Close</button>
      </div>
    </div>
  );
}
