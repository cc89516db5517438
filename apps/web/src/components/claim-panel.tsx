import type { Claim, VerdictStatus } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { claimQuery, useMarkClaim } from '../api/queries.ts';
import { StatusBadge } from './status.tsx';

const ACTIONS: Array<{ status: VerdictStatus; label: string; key: string }> = [
  { status: 'verified', label: 'Mark verified', key: 'v' },
  { status: 'disputed', label: 'Mark disputed', key: 'd' },
  { status: 'unverifiable', label: 'Mark unverifiable', key: 'u' },
];

export interface ClaimPanelProps {
  claim: Claim;
  articleId: string;
  articleText: string;
  canReview: boolean;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  /** Set by keyboard shortcuts: the status to save next. */
  pendingStatus: VerdictStatus | null;
  onPendingStatusChange: (status: VerdictStatus | null) => void;
}

function parseEvidence(text: string): { urls: string[]; invalid: string[] } {
  const items = text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  const invalid = items.filter((u) => {
    try {
      const url = new URL(u);
      return url.protocol !== 'http:' && url.protocol !== 'https:';
    } catch {
      return true;
    }
  });
  return { urls: items.filter((u) => !invalid.includes(u)), invalid };
}

export function ClaimPanel({ claim, articleId, articleText, canReview, noteRef, pendingStatus, onPendingStatusChange }: ClaimPanelProps) {
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const detail = useQuery(claimQuery(claim.id));
  const mark = useMarkClaim(articleId);

  useEffect(() => {
    setNote('');
    setEvidence('');
    setMessage(null);
  }, [claim.id]);

  const save = (status: VerdictStatus) => {
    const { urls, invalid } = parseEvidence(evidence);
    if (invalid.length > 0) {
      setMessage({ kind: 'error', text: `Evidence must be http(s) links: ${invalid.join(', ')}` });
      return;
    }
    if (status !== 'verified' && note.trim() === '') {
      setMessage({ kind: 'error', text: `A note is required when a claim is marked ${status}, so a reader learns why.` });
      noteRef.current?.focus();
      return;
    }
    setMessage(null);
    onPendingStatusChange(null);
    mark.mutate(
      { claim, status, note, evidence: urls },
      {
        onSuccess: () => {
          setMessage({ kind: 'ok', text: `Saved: ${status}.` });
          setNote('');
          setEvidence('');
        },
        onError: (error) => {
          const text = error instanceof ApiError ? error.message : 'The verdict could not be saved.';
          setMessage({ kind: 'error', text: error instanceof ApiError && error.code === 'version_conflict' ? `Conflict: ${text}` : `Not saved: ${text}` });
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pendingStatus) save(pendingStatus);
  };

  const sentenceStart = Math.max(0, articleText.lastIndexOf('\n', claim.start) + 1);
  const nextBreak = articleText.indexOf('\n', claim.end);
  const sentenceEnd = nextBreak === -1 ? articleText.length : nextBreak;
  const figure = claim.figure;
  const statement = detail.data?.statement;

  return (
    <section className="claim-panel" aria-labelledby="claim-panel-heading">
      <h2 id="claim-panel-heading">
        {claim.kind === 'figure' ? 'Figure' : 'Statement'} <StatusBadge status={claim.status} />
        {!claim.isFound && <span className="badge badge-lost">no longer found by the parser</span>}
      </h2>
      <blockquote className="claim-text">{claim.text}</blockquote>
      <dl className="facts">
        <dt>Source</dt>
        <dd>
          {claim.sourceCanonical ?? 'unknown'}
          {statement?.source && statement.source !== claim.sourceCanonical ? ` (as written: “${statement.source}”)` : ''} · side{' '}
          <strong>{claim.side}</strong>
        </dd>
        {statement && (
          <>
            <dt>Cue</dt>
            <dd>{statement.cue ?? '—'} {statement.direct ? '(direct quote)' : '(reported speech)'}</dd>
          </>
        )}
        {figure && (
          <>
            <dt>Figure</dt>
            <dd>
              {figure.value.toLocaleString('en-GB')} {figure.unit} · {figure.qualifier.replace('_', ' ')} · {figure.category.replace('_', ' ')}
            </dd>
            <dt>Whose loss</dt>
            <dd>{figure.subject}</dd>
            <dt>Since</dt>
            <dd>{figure.since ?? '—'}</dd>
          </>
        )}
        <dt>As of</dt>
        <dd>{claim.asOf ?? '—'}</dd>
      </dl>
      <details className="context">
        <summary>Sentence in context</summary>
        <p>{articleText.slice(sentenceStart, sentenceEnd)}</p>
      </details>

      {canReview ? (
        <form className="verdict-form" onSubmit={onSubmit} aria-label="Verdict">
          <label htmlFor="verdict-note">Note</label>
          <textarea
            id="verdict-note"
            ref={noteRef}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            placeholder="Why? Required for disputed and unverifiable. (n)"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && pendingStatus) {
                e.preventDefault();
                save(pendingStatus);
              }
            }}
          />
          <label htmlFor="verdict-evidence">Evidence links</label>
          <input
            id="verdict-evidence"
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            placeholder="https://… (several: separate with spaces)"
          />
          <div className="actions">
            {ACTIONS.map((a) => (
              <button
                key={a.status}
                type="button"
                className={`btn btn-${a.status}${pendingStatus === a.status ? ' is-armed' : ''}`}
                onClick={() => save(a.status)}
                disabled={mark.isPending}
                aria-keyshortcuts={a.key}
              >
                {a.label} <kbd>{a.key}</kbd>
              </button>
            ))}
          </div>
          {pendingStatus && <p className="hint">Press Enter to save as {pendingStatus}, Esc to cancel.</p>}
        </form>
      ) : (
        <p className="hint">You can read verdicts; marking claims needs the editor role.</p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message message-${message.kind}`}>
          {message.text}
        </p>
      )}

      <h3>History</h3>
      {detail.isLoading && <p className="hint">Loading history…</p>}
      {detail.isError && <p role="alert">History could not be loaded.</p>}
      {detail.data && detail.data.verdicts.length === 0 && <p className="hint">No verdict yet: this claim is pending.</p>}
      <ol className="history">
        {detail.data?.verdicts.map((v) => (
          <li key={v.id}>
            <StatusBadge status={v.status} /> by <strong>{v.author}</strong> on <time dateTime={v.createdAt}>{new Date(v.createdAt).toLocaleString('en-GB')}</time>
            {v.note && <p className="note">{v.note}</p>}
            {v.evidence.length > 0 && (
              <ul>
                {v.evidence.map((u) => (
                  <li key={u}>
                    <a href={u} rel="noreferrer noopener" target="_blank">{u}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
