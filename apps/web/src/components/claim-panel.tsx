import { type Claim, type VerdictStatus, httpUrlSchema } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isDraft, isPublic, useClaimAction } from '../api/publication-queries.ts';
import { articleQuery, claimQuery } from '../api/queries.ts';
import { CorrectionControls, type CorrectionHandle, CorrectionHistory, selectionOffsets } from './correction-form.tsx';
import { CitedReferences, VerdictReferences, useReferenceEvidence } from './reference-evidence.tsx';
import { ReferencePanel } from './reference-panel.tsx';
import { RelatedClaimsPanel } from './related-claims.tsx';
import { sentenceAround } from './sentence.ts';
import { PublicationBadge } from './publication.tsx';
import { STATUS_LABEL, StatusBadge } from './status.tsx';
import type { Verdicts } from './use-verdicts.ts';

export const VERDICT_ACTIONS: Array<{ status: VerdictStatus; label: string; key: string }> = [
  { status: 'verified', label: 'Mark verified', key: 'v' },
  { status: 'disputed', label: 'Mark disputed', key: 'd' },
  { status: 'unverifiable', label: 'Mark unverifiable', key: 'u' },
];

/** What the page's keyboard shortcuts may ask of the panel. */
export interface ClaimPanelHandle {
  save: (status: VerdictStatus) => void;
  /** Adds the reference row beside a figure claim to the verdict's evidence. */
  citeReference: () => void;
  /** Opens the retraction of the public verdict (its note is required); false when there is none. */
  openRetract: () => boolean;
}

export interface ClaimPanelProps {
  claim: Claim;
  articleText: string;
  /** Saving and the outcome of each save: owned by the page, so saves outlive the panel's claim. */
  verdicts: Verdicts;
  canReview: boolean;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  handleRef?: RefObject<ClaimPanelHandle | null>;
  /** Set by keyboard shortcuts: the status to save next. */
  pendingStatus: VerdictStatus | null;
  onPendingStatusChange: (status: VerdictStatus | null) => void;
  /** Called when a save left from inside the panel, so the page can give the focus (and keys) back to the list. */
  onSubmitted?: () => void;
  /** The correction controls, for the page's `e` and `x` keys. */
  correctionRef?: RefObject<CorrectionHandle | null>;
  /** Deselects the claim: the close button of the sheet the panel is on a phone. */
  onClose?: () => void;
  /** On a phone: the sheet folded to one line at the foot of the screen (its handle toggles it). */
  collapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const words = (s: string) => s.replaceAll('_', ' ');

/** Splits the evidence fields into valid http(s) links and the numbers (1-based) of the bad ones. */
export function checkEvidence(fields: string[]): { urls: string[]; invalid: number[] } {
  const urls: string[] = [];
  const invalid: number[] = [];
  fields.forEach((value, i) => {
    const v = value.trim();
    if (v === '') return;
    if (httpUrlSchema.safeParse(v).success) urls.push(v);
    else invalid.push(i + 1);
  });
  return { urls, invalid };
}

export function ClaimPanel({
  claim,
  articleText,
  verdicts,
  canReview,
  noteRef,
  handleRef,
  pendingStatus,
  onPendingStatusChange,
  onSubmitted,
  correctionRef,
  onClose,
  collapsed = false,
  onCollapsedChange,
}: ClaimPanelProps) {
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<string[]>(['']);
  const [invalidEvidence, setInvalidEvidence] = useState<number[]>([]);
  const [noteMissing, setNoteMissing] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const detail = useQuery(claimQuery(claim.id));
  // The statement's spans (source, cue, content) for the correction form: the article is in the cache.
  const article = useQuery(articleQuery(claim.articleId));
  const claimAction = useClaimAction(claim.articleId);
  const [retracting, setRetracting] = useState(false);
  const [retractNote, setRetractNote] = useState('');
  const [retractError, setRetractError] = useState<string | null>(null);
  const [retracted, setRetracted] = useState<string | null>(null);
  const retractRef = useRef<HTMLTextAreaElement | null>(null);
  const references = useReferenceEvidence(claim);
  const ids = useId();
  const outcome = verdicts.messages[claim.id];
  const message = localError ? { kind: 'error' as const, text: localError } : outcome;
  const isSaving = verdicts.isSaving(claim.id);

  const rootRef = useRef<HTMLElement | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  // A new claim starts with an empty form (a note written for one claim must never land on another)
  // and at its top: the panel is reused, and a scroll left from the last claim would hide the new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the claim's identity only
  useEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
    setNote('');
    setEvidence(['']);
    setInvalidEvidence([]);
    setNoteMissing(false);
    setLocalError(null);
    setRetracting(false);
    setRetractNote('');
    setRetractError(null);
    setRetracted(null);
  }, [claim.id]);

  // A saved verdict empties the form for the next one; a refused one keeps what was written.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per outcome; clear only sets state
  useEffect(() => {
    if (outcome?.kind !== 'ok') return;
    setNote('');
    setEvidence(['']);
    references.clear();
  }, [outcome]);

  const save = (status: VerdictStatus) => {
    if (isSaving) {
      setLocalError('Still saving the last verdict on this claim; try again in a moment.');
      return;
    }
    const { urls, invalid } = checkEvidence(evidence);
    setInvalidEvidence(invalid);
    if (invalid.length > 0) {
      setLocalError(`Not saved: evidence link ${invalid.join(', ')} is not an http(s) address.`);
      document.getElementById(`${ids}-evidence-${(invalid[0] ?? 1) - 1}`)?.focus();
      return;
    }
    if (status !== 'verified' && note.trim() === '') {
      setNoteMissing(true);
      setLocalError(`Not saved: a note is required when a claim is marked ${status}, so a reader learns why.`);
      onPendingStatusChange(status);
      noteRef.current?.focus({ preventScroll: true });
      noteRef.current?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    setNoteMissing(false);
    setLocalError(null);
    onPendingStatusChange(null);
    // A save from the note, a link or a verdict button (which is disabled while saving, and would
    // drop the focus to the page) hands the focus back to the list, where the keys go on.
    const wasInPanel = rootRef.current?.contains(document.activeElement) ?? false;
    verdicts.save({ claim, status, note: note.trim(), evidence: urls, references: references.ids });
    if (wasInPanel) onSubmitted?.();
  };

  const openRetract = () => {
    if (!isPublic(claim) || claim.isRejected) return false;
    setRetracting(true);
    setRetractError(null);
    setRetracted(null);
    verdicts.dismiss(claim.id);
    // After the render that shows the form.
    requestAnimationFrame(() => retractRef.current?.focus());
    return true;
  };
  const retract = (event?: FormEvent) => {
    event?.preventDefault();
    if (retractNote.trim() === '') {
      setRetractError('Not retracted: say why in the note; consumers receive it with the change.');
      retractRef.current?.focus();
      return;
    }
    setRetractError(null);
    claimAction.mutate(
      { claim, action: 'retract', note: retractNote.trim() },
      {
        onSuccess: () => {
          setRetracting(false);
          setRetractNote('');
          setRetracted('Retracted: consumers now see this claim unrated, with your note.');
          onSubmitted?.();
        },
        onError: (error) => setRetractError(`Not retracted: ${error.message}`),
      },
    );
  };

  useImperativeHandle(handleRef, () => ({ save, citeReference: references.citeSuggested, openRetract }));

  // The panel scrolls on its own: what a key just did (armed status, saved, refused) must be in view.
  const feedbackRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (pendingStatus || localError || outcome) feedbackRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [pendingStatus, localError, outcome]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pendingStatus) save(pendingStatus);
  };

  const context = sentenceAround(articleText, claim.start, claim.end);
  const figure = claim.figure;
  const statement = detail.data?.statement;
  const statementSpans = article.data?.statements.find((s) => s.id === claim.statementId);
  const noteRequired = pendingStatus === 'disputed' || pendingStatus === 'unverifiable';

  return (
    <section
      className={`claim-panel${collapsed ? ' is-collapsed' : ''}`}
      aria-labelledby="claim-panel-heading"
      ref={rootRef}
    >
      {onClose && (
        // On a phone the panel is a sheet over the text and the claim list: its handle folds it to
        // one line (tap, or drag down; drag up or tap to unfold) and Close (or Escape) gives the
        // page back. Wide screens hide the bar.
        <div className="sheet-bar">
          <SheetHandle
            collapsed={collapsed}
            summary={claim.text}
            controls={`${ids}-body`}
            onChange={(next) => onCollapsedChange?.(next)}
          />
          <button type="button" className="sheet-close btn-small" aria-label="Close claim" onClick={onClose}>
            ✕ <span aria-hidden="true">Close</span>
          </button>
        </div>
      )}
      <div className="claim-body" ref={bodyRef} id={`${ids}-body`}>
        <h2 id="claim-panel-heading">
          {claim.kind === 'figure' ? 'Figure' : 'Statement'} <StatusBadge status={claim.status} />{' '}
          <PublicationBadge claim={claim} />
          {!claim.isFound && <span className="badge badge-lost">no longer found by the parser</span>}
          {claim.isRejected && <span className="badge badge-rejected">rejected: not a claim</span>}
          {claim.origin === 'editor' && <span className="badge">added by an editor</span>}
        </h2>
        <blockquote className="claim-text">{claim.text}</blockquote>
        <dl className="facts">
          <dt>Source</dt>
          <dd className="wide">
            <strong>{claim.sourceCanonical ?? 'unknown source'}</strong>
            {statement?.source && statement.source !== claim.sourceCanonical && (
              <> (as written: “{statement.source}”)</>
            )}
            {statement && !statement.source && <> (no source named in the text: the outlet)</>}
            {claim.sourceId && (
              <>
                {' '}
                · <Link to={`/sources/${claim.sourceId}`}>all claims of this source</Link>
              </>
            )}
          </dd>
          <dt>Cue</dt>
          <dd className="wide">
            {statement ? (
              <>
                {statement.cue ? `“${statement.cue}”` : 'none'} ·{' '}
                {statement.direct ? 'direct quote' : 'reported speech'}
              </>
            ) : (
              '…'
            )}
          </dd>
          {claim.kind === 'figure' && statement && (
            <>
              <dt>In statement</dt>
              <dd className="clamp wide">{statement.content}</dd>
            </>
          )}
          <dt>Side</dt>
          <dd>
            <span className={`side-tag side-${claim.side}`}>{claim.side}</span>
          </dd>
          <dt>As of</dt>
          <dd>{claim.asOf ?? '—'}</dd>
          {figure && (
            <>
              <dt>Value</dt>
              <dd>
                <strong>{figure.value.toLocaleString('en-GB')}</strong> {figure.unit}
              </dd>
              <dt>Qualifier</dt>
              <dd>{words(figure.qualifier)}</dd>
              <dt>Category</dt>
              <dd>{words(figure.category)}</dd>
              <dt>Counts</dt>
              <dd>{figure.kind ?? '—'}</dd>
              <dt>Whose loss</dt>
              <dd>{figure.subject}</dd>
              <dt>Since</dt>
              <dd>{figure.since ?? '—'}</dd>
            </>
          )}
        </dl>
        <figure className="context">
          <figcaption>Sentence in context</figcaption>
          {context.lead && <p className="context-lead">{context.lead} …</p>}
          <p>
            {context.before}
            <mark className="context-claim">{context.claim}</mark>
            {context.after}
          </p>
        </figure>

        <ReferencePanel claim={claim} canReview={canReview} citedIds={references.ids} onCite={references.cite} />
        <RelatedClaimsPanel claim={claim} canReview={canReview} />

        {canReview && claim.isRejected ? (
          // A parser error is not judged: restore it (x) first.
          <p className="hint">Rejected as not a claim: it takes no verdict. Restore it (x) to judge it.</p>
        ) : canReview ? (
          <form className="verdict-form" onSubmit={onSubmit} aria-labelledby={`${ids}-verdict`}>
            <h3 id={`${ids}-verdict`}>Verdict</h3>
            <label htmlFor="verdict-note">
              Note{' '}
              {noteRequired ? (
                <span className="req">(required for {pendingStatus})</span>
              ) : (
                <span className="hint">(required for disputed and unverifiable)</span>
              )}
            </label>
            <textarea
              id="verdict-note"
              ref={noteRef}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                if (e.target.value.trim()) setNoteMissing(false);
              }}
              rows={3}
              aria-invalid={noteMissing || undefined}
              aria-describedby={noteMissing ? `${ids}-note-error` : undefined}
              aria-keyshortcuts="n"
              placeholder="Why? What did you check? (n)"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && pendingStatus) {
                  e.preventDefault();
                  save(pendingStatus);
                }
              }}
            />
            {noteMissing && (
              <p id={`${ids}-note-error`} className="field-error">
                Write why, so a reader learns it.
              </p>
            )}
            <fieldset className="evidence">
              <legend>Evidence links</legend>
              <CitedReferences evidence={references} />
              {evidence.map((value, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the fields are positional
                <div className="evidence-row" key={i}>
                  <input
                    id={`${ids}-evidence-${i}`}
                    type="url"
                    inputMode="url"
                    aria-label={`Evidence link ${i + 1}`}
                    aria-invalid={invalidEvidence.includes(i + 1) || undefined}
                    value={value}
                    placeholder="https://…"
                    onChange={(e) => {
                      const next = [...evidence];
                      next[i] = e.target.value;
                      setEvidence(next);
                      setInvalidEvidence((bad) => bad.filter((n) => n !== i + 1));
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && pendingStatus) {
                        e.preventDefault();
                        save(pendingStatus);
                      }
                    }}
                  />
                  {evidence.length > 1 && (
                    <button
                      type="button"
                      className="btn-small"
                      aria-label={`Remove evidence link ${i + 1}`}
                      onClick={() => setEvidence(evidence.filter((_, j) => j !== i))}
                    >
                      Remove
                    </button>
                  )}
                  {invalidEvidence.includes(i + 1) && <span className="field-error">Not an http(s) link.</span>}
                </div>
              ))}
              {evidence.length < 20 && (
                <button type="button" className="btn-small" onClick={() => setEvidence([...evidence, ''])}>
                  Add another link
                </button>
              )}
            </fieldset>
          </form>
        ) : (
          <p className="hint">You can read verdicts; marking claims needs the editor role.</p>
        )}

        {canReview && (
          <CorrectionControls
            claim={claim}
            statement={statementSpans}
            articleText={articleText}
            readSelection={() => selectionOffsets(document.querySelector<HTMLElement>('.article-text'))}
            handleRef={correctionRef}
          />
        )}

        <h3>History</h3>
        {detail.isLoading && <p className="hint">Loading history…</p>}
        {detail.isError && (
          <p role="alert" className="message message-error">
            History could not be loaded: {detail.error.message}{' '}
            <button type="button" className="btn-small" onClick={() => void detail.refetch()}>
              Retry
            </button>
          </p>
        )}
        {detail.data && detail.data.verdicts.length === 0 && (
          <p className="hint">No verdict yet: this claim is pending.</p>
        )}
        {detail.data && detail.data.verdicts.length > 0 && (
          <ol className="history" aria-label="Verdict history, newest first">
            {detail.data.verdicts.map((v) => (
              <li key={v.id}>
                <StatusBadge status={v.status} /> by <strong>{v.author}</strong> on{' '}
                <time dateTime={v.createdAt}>{when(v.createdAt)}</time>
                <span className="hint"> · version {v.version}</span>
                {v.publishedAt && !v.retractedAt && <span className="badge badge-public">Public</span>}
                {!v.publishedAt && <span className="badge badge-draft">Draft</span>}
                {v.note && <p className="note">{v.note}</p>}
                {v.retractedAt && (
                  <p className="retraction-line">
                    <span className="badge badge-retracted">Retracted</span> by <strong>{v.retractedBy}</strong> on{' '}
                    <time dateTime={v.retractedAt}>{when(v.retractedAt)}</time>: {v.retractionNote}
                  </p>
                )}
                <VerdictReferences references={v.references ?? []} />
                {v.evidence.length > 0 && (
                  <ul className="links">
                    {v.evidence.map((u) => (
                      <li key={u}>
                        <a href={u} rel="noreferrer noopener" target="_blank">
                          {u}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        {detail.data && <CorrectionHistory corrections={detail.data.corrections} />}
      </div>
      {canReview && !claim.isRejected && (
        // Pinned under the claim: the buttons and what came of the last press are always in view,
        // however long the claim's details are.
        <fieldset className="verdict-bar">
          <legend className="sr-only">Mark this claim</legend>
          <div className="actions">
            {VERDICT_ACTIONS.map((a) => (
              <button
                key={a.status}
                type="button"
                className={`btn btn-${a.status}${pendingStatus === a.status ? ' is-armed' : ''}`}
                onClick={() => save(a.status)}
                disabled={isSaving}
                aria-keyshortcuts={a.key}
              >
                <span aria-hidden="true">{STATUS_LABEL[a.status].symbol}</span> <span className="btn-verb">Mark</span>{' '}
                {a.status} <kbd>{a.key}</kbd>
              </button>
            ))}
          </div>
          {isDraft(claim) && (
            <p className="draft-line">
              <span className="hint">Draft: only the desk sees it.</span>{' '}
              <button
                type="button"
                className="btn-small btn-publish"
                disabled={claimAction.isPending}
                aria-keyshortcuts="Shift+P"
                onClick={() => claimAction.mutate({ claim, action: 'publish' })}
              >
                Publish <kbd>P</kbd>
              </button>{' '}
              <button
                type="button"
                className="btn-small"
                disabled={claimAction.isPending}
                aria-keyshortcuts="z"
                onClick={() => claimAction.mutate({ claim, action: 'withdraw' })}
              >
                Undo draft <kbd>z</kbd>
              </button>
            </p>
          )}
          {isPublic(claim) && !retracting && (
            <p className="draft-line">
              <span className="hint">Public: consumers see it {claim.publishedStatus}.</span>{' '}
              <button
                type="button"
                className="btn-small"
                aria-keyshortcuts="Shift+R"
                disabled={claimAction.isPending}
                onClick={openRetract}
              >
                Retract… <kbd>R</kbd>
              </button>
            </p>
          )}
          {retracting && (
            <form
              className="retract-form"
              aria-label="Retract the public verdict"
              onSubmit={retract}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  setRetracting(false);
                  setRetractError(null);
                }
              }}
            >
              <label htmlFor={`${ids}-retract-note`}>
                Why is it retracted? <span className="req">(required, sent to consumers)</span>
              </label>
              <textarea
                id={`${ids}-retract-note`}
                ref={retractRef}
                rows={2}
                value={retractNote}
                aria-invalid={retractError ? true : undefined}
                onChange={(e) => {
                  setRetractNote(e.target.value);
                  if (e.target.value.trim()) setRetractError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    retract();
                  }
                }}
              />
              <span className="actions">
                <button type="submit" className="btn btn-small btn-retract" disabled={claimAction.isPending}>
                  Retract the public verdict <kbd>Enter</kbd>
                </button>{' '}
                <button
                  type="button"
                  className="btn-small"
                  onClick={() => {
                    setRetracting(false);
                    setRetractError(null);
                  }}
                >
                  Cancel <kbd>Esc</kbd>
                </button>
              </span>
              {retractError && (
                <p role="alert" className="message message-error">
                  {retractError}
                </p>
              )}
            </form>
          )}
          {retracted && !retracting && (
            <p role="status" className="message message-ok">
              {retracted}
            </p>
          )}
          {claimAction.isError && !retracting && (
            <p role="alert" className="message message-error">
              {claimAction.error.message}
            </p>
          )}
          {/* It scrolls when long (a conflict): keyboard users reach it with Tab to scroll it. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section ref={feedbackRef} className="feedback" tabIndex={0} aria-label="Outcome of the last save">
            {pendingStatus && (
              <p className="hint armed" role="status">
                Press Enter to save as {pendingStatus}
                {noteRequired ? ' (a note is required)' : ''}, Esc to cancel.
              </p>
            )}
            {isSaving && (
              <p role="status" className="hint">
                Saving…
              </p>
            )}
            {message?.kind === 'ok' && (
              <p role="status" className="message message-ok">
                {message.text}
              </p>
            )}
            {message?.kind === 'error' && (
              <p role="alert" className="message message-error">
                {message.text}
              </p>
            )}
            {message?.kind === 'conflict' && (
              <ConflictMessage mine={message.mine} other={message.other} text={message.text} />
            )}
          </section>
        </fieldset>
      )}
    </section>
  );
}

/** Compact: it sits under the buttons (and scrolls there), never over them. */
function ConflictMessage({ mine, other, text }: { mine: VerdictStatus; other: Claim | null; text: string }) {
  const verdict = other?.latestVerdict;
  return (
    <div role="alert" className="message message-error conflict">
      <p>
        <strong>Conflict:</strong> {text}.
      </p>
      {verdict && (
        <p className="conflict-other">
          <StatusBadge status={verdict.status} /> by <strong>{verdict.author}</strong>,{' '}
          <time dateTime={verdict.createdAt}>{when(verdict.createdAt)}</time>
          {verdict.note && <> · “{verdict.note}”</>}
        </p>
      )}
      <p>
        Your <strong>{mine}</strong> was not saved; your note is kept. Press a status to save yours on top.
      </p>
    </div>
  );
}

/**
 * The grip at the top of the phone sheet: a tap toggles it, a drag of 30 px or more down folds it
 * and up unfolds it (pointer events, so a finger, a pen and a mouse all work).
 */
function SheetHandle({
  collapsed,
  summary,
  controls,
  onChange,
}: {
  collapsed: boolean;
  summary: string;
  controls: string;
  onChange: (collapsed: boolean) => void;
}) {
  const drag = useRef<{ y: number; moved: boolean } | null>(null);
  return (
    <button
      type="button"
      className="sheet-handle"
      aria-expanded={!collapsed}
      aria-controls={controls}
      aria-label={collapsed ? `Expand claim: ${summary}` : 'Collapse claim'}
      onPointerDown={(e) => {
        drag.current = { y: e.clientY, moved: false };
        e.currentTarget.setPointerCapture?.(e.pointerId);
      }}
      onPointerUp={(e) => {
        const start = drag.current;
        if (!start) return;
        const dy = e.clientY - start.y;
        if (Math.abs(dy) >= 30) {
          start.moved = true;
          onChange(dy > 0);
        }
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onClick={() => {
        // The click that ends a drag has done its work already.
        const dragged = drag.current?.moved ?? false;
        drag.current = null;
        if (!dragged) onChange(!collapsed);
      }}
    >
      <span className="sheet-grip" aria-hidden="true" />
      {collapsed && (
        <span className="sheet-summary" aria-hidden="true">
          {summary}
        </span>
      )}
    </button>
  );
}
