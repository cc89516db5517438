import {
  type Claim,
  type ClaimDetail,
  type CorrectableFields,
  type Correction,
  categorySchema,
  figureKindSchema,
  qualifierSchema,
  sideSchema,
} from '@claimdesk/contracts';
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { ApiError } from '../api/client.ts';
import { useAddClaim, useCorrectClaim } from '../api/correction-queries.ts';

/** What the page's keys ask of the correction controls: `e` edit, `x` reject (or restore). */
export interface CorrectionHandle {
  openEdit: () => void;
  toggleReject: () => void;
}

const words = (s: string) => s.replaceAll('_', ' ');
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function describeError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'version_conflict')
    return 'Not saved: someone changed this claim meanwhile. It now shows their version; correct it again if needed.';
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

type Draft = {
  sourceCanonical: string;
  side: string;
  asOf: string;
  value: string;
  qualifier: string;
  category: string;
  figureKind: string;
  subject: string;
  since: string;
};

function draftOf(claim: Claim): Draft {
  const f = claim.figure;
  return {
    sourceCanonical: claim.sourceCanonical ?? '',
    side: claim.side,
    asOf: claim.asOf ?? '',
    value: f ? String(f.value) : '',
    qualifier: f?.qualifier ?? 'exact',
    category: f?.category ?? 'other',
    figureKind: f?.kind ?? 'loss',
    subject: f?.subject ?? 'unknown',
    since: f?.since ?? '',
  };
}

/** Only what the editor changed goes to the server (and into the correction's before/after). */
function changedFields(claim: Claim, draft: Draft): CorrectableFields {
  const was = draftOf(claim);
  const out: CorrectableFields = {};
  if (draft.sourceCanonical.trim() !== was.sourceCanonical) out.sourceCanonical = draft.sourceCanonical.trim() || null;
  if (draft.side !== was.side) out.side = draft.side as CorrectableFields['side'];
  if (draft.asOf !== was.asOf) out.asOf = draft.asOf || null;
  if (claim.figure) {
    if (draft.value !== was.value) out.value = Number(draft.value);
    if (draft.qualifier !== was.qualifier) out.qualifier = draft.qualifier as CorrectableFields['qualifier'];
    if (draft.category !== was.category) out.category = draft.category as CorrectableFields['category'];
    if (draft.figureKind !== was.figureKind) out.figureKind = draft.figureKind as CorrectableFields['figureKind'];
    if (draft.subject !== was.subject) out.subject = draft.subject as CorrectableFields['subject'];
    if (draft.since !== was.since) out.since = draft.since || null;
  }
  return out;
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
  inputRef?: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} ref={inputRef} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Corrections of what the parser read: edit the extracted fields (`e`), reject the claim as not a
 * claim (`x`, with undo), restore a rejected one. A correction is never a verdict: it fixes the
 * extraction, and the history lists it apart.
 */
export function CorrectionControls({
  claim,
  statement,
  handleRef,
}: {
  claim: Claim;
  statement: ClaimDetail['statement'] | undefined;
  handleRef?: RefObject<CorrectionHandle | null>;
}) {
  const correct = useCorrectClaim(claim.articleId);
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(claim));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; undo?: boolean } | null>(null);
  const firstField = useRef<HTMLSelectElement | null>(null);
  const editButton = useRef<HTMLButtonElement | null>(null);
  const ids = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the claim's identity only
  useEffect(() => {
    setIsEditing(false);
    setMessage(null);
  }, [claim.id]);

  useEffect(() => {
    if (isEditing) firstField.current?.focus();
  }, [isEditing]);

  const openEdit = () => {
    if (claim.isRejected) {
      setMessage({ kind: 'error', text: 'A rejected claim cannot be edited: restore it first (x).' });
      return;
    }
    setDraft(draftOf(claim));
    setMessage(null);
    setIsEditing(true);
  };

  const toggleReject = () => {
    const kind = claim.isRejected ? 'restore' : 'reject';
    correct.mutate(
      { claim, kind },
      {
        onSuccess: () =>
          setMessage(
            kind === 'reject'
              ? { kind: 'ok', text: 'Rejected as not a claim: it leaves the queue and every export.', undo: true }
              : { kind: 'ok', text: 'Restored: it is a claim again.' },
          ),
        onError: (error) => setMessage({ kind: 'error', text: describeError(error) }),
      },
    );
  };

  useImperativeHandle(handleRef, () => ({ openEdit, toggleReject }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const fields = changedFields(claim, draft);
    if (Object.keys(fields).length === 0) {
      setMessage({ kind: 'error', text: 'Nothing changed: edit a field, or press Esc to close.' });
      return;
    }
    correct.mutate(
      { claim, kind: 'edit', fields },
      {
        onSuccess: (r) => {
          setIsEditing(false);
          setMessage({ kind: 'ok', text: `Corrected ${Object.keys(r.correction.after).map(words).join(', ')}.` });
          editButton.current?.focus();
        },
        onError: (error) => setMessage({ kind: 'error', text: describeError(error) }),
      },
    );
  };

  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setIsEditing(false);
      editButton.current?.focus();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
      // A select swallows Enter; here it saves, as in every text field of the form.
      e.preventDefault();
      submit();
    }
  };
  const set = (key: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  return (
    <div className="corrections">
      <div className="correction-actions">
        <button type="button" className="btn-small" ref={editButton} onClick={openEdit} aria-keyshortcuts="e">
          Correct the reading <kbd>e</kbd>
        </button>
        <button
          type="button"
          className="btn-small"
          onClick={toggleReject}
          disabled={correct.isPending}
          aria-keyshortcuts="x"
        >
          {claim.isRejected ? 'Restore as a claim' : 'Reject: not a claim'} <kbd>x</kbd>
        </button>
      </div>
      {isEditing && (
        <form className="correction-form" onSubmit={submit} onKeyDown={onFormKey} aria-label="Correct the reading">
          {claim.figure && (
            <>
              <Select
                id={`${ids}-category`}
                label="Category"
                value={draft.category}
                options={categorySchema.options}
                onChange={set('category')}
                inputRef={firstField}
              />
              <label htmlFor={`${ids}-value`}>
                Value
                <input
                  id={`${ids}-value`}
                  type="number"
                  min={0}
                  step="any"
                  value={draft.value}
                  onChange={(e) => set('value')(e.target.value)}
                />
              </label>
              <Select
                id={`${ids}-qualifier`}
                label="Qualifier"
                value={draft.qualifier}
                options={qualifierSchema.options}
                onChange={set('qualifier')}
              />
              <Select
                id={`${ids}-subject`}
                label="Whose loss or count"
                value={draft.subject}
                options={sideSchema.options}
                onChange={set('subject')}
              />
              <Select
                id={`${ids}-kind`}
                label="Kind"
                value={draft.figureKind}
                options={figureKindSchema.options}
                onChange={set('figureKind')}
              />
              <label htmlFor={`${ids}-since`}>
                Since
                <input
                  id={`${ids}-since`}
                  placeholder="YYYY-MM-DD"
                  value={draft.since}
                  onChange={(e) => set('since')(e.target.value)}
                />
              </label>
            </>
          )}
          <Select
            id={`${ids}-side`}
            label="Side of the source"
            value={draft.side}
            options={sideSchema.options}
            onChange={set('side')}
            inputRef={claim.figure ? undefined : firstField}
          />
          <label htmlFor={`${ids}-source`}>
            Source (canonical name)
            <input
              id={`${ids}-source`}
              value={draft.sourceCanonical}
              onChange={(e) => set('sourceCanonical')(e.target.value)}
            />
          </label>
          <label htmlFor={`${ids}-asof`}>
            As of
            <input
              id={`${ids}-asof`}
              placeholder="YYYY-MM-DD"
              value={draft.asOf}
              onChange={(e) => set('asOf')(e.target.value)}
            />
          </label>
          {statement && (
            <p className="hint">
              Source, side and date belong to the statement{statement.source ? ` (“${statement.source}”)` : ''}: a
              correction here corrects all its claims.
            </p>
          )}
          <div className="actions">
            <button type="submit" className="btn" disabled={correct.isPending}>
              Save correction <kbd>Enter</kbd>
            </button>
            <button type="button" className="btn-small" onClick={() => setIsEditing(false)}>
              Cancel <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`message message-${message.kind}`}>
          {message.text}{' '}
          {message.undo && claim.isRejected && (
            <button type="button" className="btn-small" onClick={toggleReject}>
              Undo
            </button>
          )}
        </p>
      )}
    </div>
  );
}

const KIND_LABEL: Record<Correction['kind'], string> = {
  edit: 'Corrected',
  reject: 'Rejected as not a claim',
  restore: 'Restored as a claim',
  add: 'Added (missed by the parser)',
};

function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object' && 'text' in (v as object)) return `“${(v as { text: string }).text}”`;
  return words(String(v));
}

/** The corrections of a claim, newest first: beside its verdicts, never among them. */
export function CorrectionHistory({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <>
      <h3>Corrections of the reading</h3>
      <ol className="history corrections-history" aria-label="Corrections, newest first">
        {corrections.map((c) => (
          <li key={c.id}>
            <strong>{KIND_LABEL[c.kind]}</strong> by <strong>{c.author}</strong> on{' '}
            <time dateTime={c.createdAt}>{when(c.createdAt)}</time>
            <span className="hint"> · version {c.version}</span>
            {c.kind === 'edit' && (
              <ul className="changes">
                {Object.keys(c.after).map((k) => (
                  <li key={k}>
                    {words(k)}: {showValue(c.before[k])} → {showValue(c.after[k])}
                  </li>
                ))}
              </ul>
            )}
            {c.note && <p className="note">{c.note}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * Offsets into the article text of the current selection inside `container`: every piece of the
 * rendered text carries `data-start`, so the status tags inside highlights never count.
 */
export function selectionOffsets(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement);
    const piece = el?.closest<HTMLElement>('[data-start]');
    if (!piece || !container.contains(piece) || el?.closest('.hl-tag')) return null;
    return Number(piece.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The first number in a selection ("1,200 trucks" reads 1200), to start the form with. */
function firstNumber(text: string): string {
  const m = /\d[\d,.]*/.exec(text);
  return m ? String(Number(m[0].replaceAll(',', ''))) : '';
}

/** A statement or figure the parser missed, from the text the editor selected (`a`). */
export function AddClaimForm({
  articleId,
  articleText,
  span,
  onDone,
}: {
  articleId: string;
  articleText: string;
  span: { start: number; end: number };
  onDone: (claimId: string | null) => void;
}) {
  const add = useAddClaim(articleId);
  const text = articleText.slice(span.start, span.end);
  const [kind, setKind] = useState<'figure' | 'statement'>('figure');
  const [value, setValue] = useState(firstNumber(text));
  const [category, setCategory] = useState('other');
  const [subject, setSubject] = useState('unknown');
  const [qualifier, setQualifier] = useState('exact');
  const [source, setSource] = useState('');
  const [side, setSide] = useState('unknown');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement | null>(null);
  const ids = useId();
  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body =
      kind === 'figure'
        ? {
            kind,
            span,
            value: Number(value),
            category: category as CorrectableFields['category'],
            subject: subject as CorrectableFields['subject'],
            qualifier: qualifier as CorrectableFields['qualifier'],
          }
        : { kind, content: span, sourceCanonical: source.trim(), side: side as CorrectableFields['side'] };
    add.mutate(body, {
      onSuccess: (r) => onDone(r.claim.id),
      onError: (e) => setError(`Not added: ${e.message}`),
    });
  };

  return (
    <form
      className="correction-form add-claim"
      aria-label="Add a missed claim"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone(null);
        } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
          e.preventDefault();
          submit();
        }
      }}
    >
      <h3>Add a missed claim</h3>
      <blockquote className="claim-text">{text}</blockquote>
      <Select
        id={`${ids}-kind`}
        label="Kind"
        value={kind}
        options={['figure', 'statement']}
        onChange={(v) => setKind(v as 'figure' | 'statement')}
        inputRef={first}
      />
      {kind === 'figure' ? (
        <>
          <label htmlFor={`${ids}-value`}>
            Value
            <input
              id={`${ids}-value`}
              type="number"
              min={0}
              step="any"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
          <Select
            id={`${ids}-category`}
            label="Category"
            value={category}
            options={categorySchema.options}
            onChange={setCategory}
          />
          <Select
            id={`${ids}-subject`}
            label="Whose loss or count"
            value={subject}
            options={sideSchema.options}
            onChange={setSubject}
          />
          <Select
            id={`${ids}-qualifier`}
            label="Qualifier"
            value={qualifier}
            options={qualifierSchema.options}
            onChange={setQualifier}
          />
        </>
      ) : (
        <>
          <label htmlFor={`${ids}-source`}>
            Source (canonical name)
            <input id={`${ids}-source`} value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
          <Select
            id={`${ids}-side`}
            label="Side of the source"
            value={side}
            options={sideSchema.options}
            onChange={setSide}
          />
        </>
      )}
      <div className="actions">
        <button type="submit" className="btn" disabled={add.isPending}>
          Add <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn-small" onClick={() => onDone(null)}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
    </form>
  );
}
