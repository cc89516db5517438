import {
  type Claim,
  type CorrectableFields,
  type Correction,
  type Statement,
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

/** What the page's keys ask of the correction controls: `e` edit, `x` reject (or restore), and
 * with the form open and text selected in the article, `s` `c` `t` take it as source, cue or span. */
export interface CorrectionHandle {
  openEdit: () => void;
  toggleReject: () => void;
  /** false when the form is closed (the key is then not the form's). */
  takeSelection: (field: SpanKey) => boolean;
}

/** The spans an editor sets from a selection: the statement's source and cue, and the claim's own text. */
export type SpanKey = 'source' | 'cue' | 'text';
export const SPAN_KEYS: Record<string, SpanKey> = { s: 'source', c: 'cue', t: 'text' };

const words = (s: string) => s.replaceAll('_', ' ');
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function describeError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'version_conflict')
    return 'Not saved: someone changed this claim meanwhile. It now shows their version; correct it again if needed.';
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

/** Offsets as typed: strings, so a half-typed number is not lost. */
type SpanDraft = { start: string; end: string } | null;
const spanDraft = (s: { start: number; end: number } | null | undefined): SpanDraft =>
  s ? { start: String(s.start), end: String(s.end) } : null;

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
  source: SpanDraft;
  cue: SpanDraft;
  /** The claim's own text: the statement's content, or the figure's span. */
  text: SpanDraft;
};

function draftOf(claim: Claim, statement: Statement | undefined): Draft {
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
    source: spanDraft(statement?.source),
    cue: spanDraft(statement?.cue),
    text: spanDraft(claim),
  };
}

const offsetsOf = (s: SpanDraft) => (s ? { start: Number(s.start), end: Number(s.end) } : null);
const sameSpan = (a: SpanDraft, b: SpanDraft) => JSON.stringify(offsetsOf(a)) === JSON.stringify(offsetsOf(b));

/** What is wrong with typed offsets, before the server says it (it checks again). */
function spanProblem(s: SpanDraft, textLength: number): string | null {
  if (!s) return null;
  const start = Number(s.start);
  const end = Number(s.end);
  if (s.start.trim() === '' || s.end.trim() === '' || !Number.isInteger(start) || !Number.isInteger(end))
    return 'start and end are whole numbers';
  if (start < 0) return 'start is before the article';
  if (end <= start) return 'end must be after start';
  if (end > textLength) return `ends after the article (${textLength} characters)`;
  return null;
}

/** Only what the editor changed goes to the server (and into the correction's before/after). */
function changedFields(claim: Claim, statement: Statement | undefined, draft: Draft): CorrectableFields {
  const was = draftOf(claim, statement);
  const out: CorrectableFields = {};
  if (draft.sourceCanonical.trim() !== was.sourceCanonical) out.sourceCanonical = draft.sourceCanonical.trim() || null;
  if (draft.side !== was.side) out.side = draft.side as CorrectableFields['side'];
  if (draft.asOf !== was.asOf) out.asOf = draft.asOf || null;
  if (statement) {
    if (!sameSpan(draft.source, was.source)) out.source = offsetsOf(draft.source);
    if (!sameSpan(draft.cue, was.cue)) out.cue = offsetsOf(draft.cue);
  }
  const text = offsetsOf(draft.text);
  if (text && !sameSpan(draft.text, was.text)) {
    if (claim.figure) out.span = text;
    else out.content = text;
  }
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

function TextField({
  id,
  label,
  value,
  onChange,
  placeholder,
  number = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  number?: boolean;
}) {
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        {...(number ? { type: 'number', min: 0, step: 'any' } : {})}
      />
    </label>
  );
}

/** The fields of a figure, the same in the edit and the add form. */
type FigureValues = Pick<Draft, 'value' | 'category' | 'qualifier' | 'subject' | 'figureKind' | 'since'>;
function FigureFields({
  ids,
  values,
  set,
  firstRef,
  full,
}: {
  ids: string;
  values: FigureValues;
  set: (key: keyof FigureValues) => (v: string) => void;
  firstRef?: RefObject<HTMLSelectElement | null>;
  /** Kind and since too (the edit form); the add form leaves them to their defaults. */
  full: boolean;
}) {
  return (
    <>
      <Select
        id={`${ids}-category`}
        label="Category"
        value={values.category}
        options={categorySchema.options}
        onChange={set('category')}
        inputRef={firstRef}
      />
      <TextField id={`${ids}-value`} label="Value" value={values.value} onChange={set('value')} number />
      <Select
        id={`${ids}-qualifier`}
        label="Qualifier"
        value={values.qualifier}
        options={qualifierSchema.options}
        onChange={set('qualifier')}
      />
      <Select
        id={`${ids}-subject`}
        label="Whose loss or count"
        value={values.subject}
        options={sideSchema.options}
        onChange={set('subject')}
      />
      {full && (
        <>
          <Select
            id={`${ids}-kind`}
            label="Kind"
            value={values.figureKind}
            options={figureKindSchema.options}
            onChange={set('figureKind')}
          />
          <TextField
            id={`${ids}-since`}
            label="Since"
            value={values.since}
            onChange={set('since')}
            placeholder="YYYY-MM-DD"
          />
        </>
      )}
    </>
  );
}

/** Source (its canonical name) and side: the same in the edit and the add form. */
function SourceFields({
  ids,
  source,
  side,
  onSource,
  onSide,
  sideRef,
}: {
  ids: string;
  source: string;
  side: string;
  onSource: (v: string) => void;
  onSide: (v: string) => void;
  sideRef?: RefObject<HTMLSelectElement | null>;
}) {
  return (
    <>
      <Select
        id={`${ids}-side`}
        label="Side of the source"
        value={side}
        options={sideSchema.options}
        onChange={onSide}
        inputRef={sideRef}
      />
      <TextField id={`${ids}-source`} label="Source (canonical name)" value={source} onChange={onSource} />
    </>
  );
}

/**
 * A span of the article: the text it now holds (live, as the offsets change), its offsets to
 * type, and the selection in the article to take (the key beside it does the same).
 */
function SpanField({
  ids,
  name,
  label,
  hotkey,
  value,
  articleText,
  nullable,
  onChange,
  readSelection,
}: {
  ids: string;
  name: SpanKey;
  label: string;
  hotkey: string;
  value: SpanDraft;
  articleText: string;
  nullable: boolean;
  onChange: (v: SpanDraft) => void;
  readSelection: () => { start: number; end: number } | null;
}) {
  const [hint, setHint] = useState<string | null>(null);
  const problem = spanProblem(value, articleText.length);
  const id = `${ids}-span-${name}`;
  return (
    <fieldset className="span-field" data-mark={name} aria-describedby={`${id}-preview`}>
      <legend>
        {label} <kbd>{hotkey}</kbd>
      </legend>
      <p id={`${id}-preview`} className="span-preview" aria-live="polite">
        {value === null ? (
          <span className="hint">none</span>
        ) : problem ? (
          <span className="field-error">{problem}</span>
        ) : (
          <q>{articleText.slice(Number(value.start), Number(value.end))}</q>
        )}
      </p>
      {value && (
        <span className="span-offsets">
          <label htmlFor={`${id}-start`}>
            from
            <input
              id={`${id}-start`}
              type="number"
              min={0}
              value={value.start}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onChange({ ...value, start: e.target.value })}
            />
          </label>
          <label htmlFor={`${id}-end`}>
            to
            <input
              id={`${id}-end`}
              type="number"
              min={0}
              value={value.end}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onChange({ ...value, end: e.target.value })}
            />
          </label>
        </span>
      )}
      <span className="span-buttons">
        <button
          type="button"
          className="btn-small"
          // Pressing the button must not drop the selection it is about to read.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const span = readSelection();
            setHint(span ? null : 'Select the text in the article first.');
            if (span) onChange(spanDraft(span));
          }}
        >
          Use selection
        </button>
        {nullable && value !== null && (
          <button type="button" className="btn-small" onClick={() => onChange(null)}>
            None
          </button>
        )}
      </span>
      {hint && <span className="field-error">{hint}</span>}
    </fieldset>
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
  articleText,
  readSelection,
  handleRef,
}: {
  claim: Claim;
  /** The claim's statement with its spans (from the article). */
  statement: Statement | undefined;
  articleText: string;
  /** Offsets of the text selected in the article, if any. */
  readSelection: () => { start: number; end: number } | null;
  handleRef?: RefObject<CorrectionHandle | null>;
}) {
  const correct = useCorrectClaim(claim.articleId);
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(claim, statement));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; undo?: boolean } | null>(null);
  const firstField = useRef<HTMLSelectElement | null>(null);
  const editButton = useRef<HTMLButtonElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
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
    setDraft(draftOf(claim, statement));
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

  const setSpan = (key: SpanKey) => (v: SpanDraft) => setDraft((d) => ({ ...d, [key]: v }));
  const takeSelection = (key: SpanKey) => {
    if (!isEditing) return false;
    const span = readSelection();
    if (!span) {
      setMessage({ kind: 'error', text: 'Select the text in the article first, then press s, c or t.' });
      return true;
    }
    setMessage(null);
    setSpan(key)(spanDraft(span));
    formRef.current?.querySelector<HTMLElement>(`[data-span="${key}"]`)?.scrollIntoView({ block: 'nearest' });
    // Enter now saves; another selection and key sets the next span.
    formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus({ preventScroll: true });
    return true;
  };

  useImperativeHandle(handleRef, () => ({ openEdit, toggleReject, takeSelection }));

  // The spans being edited, drawn over the article as they change (nothing is drawn where the
  // browser has no Custom Highlight API: the previews in the form still say what each holds).
  useEffect(() => {
    if (!isEditing) return;
    const container = document.querySelector<HTMLElement>('.article-text');
    const names = { text: 'draft-text', source: 'draft-source', cue: 'draft-cue' } as const;
    for (const key of ['text', 'source', 'cue'] as const) {
      const span = draft[key];
      const range =
        span && !spanProblem(span, articleText.length)
          ? articleRange(container, Number(span.start), Number(span.end))
          : null;
      drawHighlight(names[key], range);
    }
    return () => {
      for (const name of Object.values(names)) drawHighlight(name, null);
    };
  }, [isEditing, draft, articleText.length]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const bad = (['text', 'source', 'cue'] as const).find((k) => spanProblem(draft[k], articleText.length));
    if (bad) {
      setMessage({
        kind: 'error',
        text: `Not saved: the ${bad === 'text' ? 'span' : bad} ${spanProblem(draft[bad], articleText.length)}.`,
      });
      return;
    }
    const fields = changedFields(claim, statement, draft);
    if (Object.keys(fields).length === 0) {
      setMessage({ kind: 'error', text: 'Nothing changed: edit a field, or press Esc to close.' });
      return;
    }
    correct.mutate(
      { claim, kind: 'edit', fields },
      {
        onSuccess: (r) => {
          setIsEditing(false);
          setMessage({
            kind: 'ok',
            text: `Corrected ${Object.keys(r.correction.after)
              .map((k) => FIELD_LABEL[k] ?? words(k))
              .join(', ')}.`,
          });
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
  const spanProps = { ids, articleText, readSelection };

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
        <form
          ref={formRef}
          className="correction-form"
          onSubmit={submit}
          onKeyDown={onFormKey}
          aria-label="Correct the reading"
        >
          {claim.figure && <FigureFields ids={ids} values={draft} set={set} firstRef={firstField} full />}
          <SourceFields
            ids={ids}
            source={draft.sourceCanonical}
            side={draft.side}
            onSource={set('sourceCanonical')}
            onSide={set('side')}
            sideRef={claim.figure ? undefined : firstField}
          />
          <TextField
            id={`${ids}-asof`}
            label="As of"
            value={draft.asOf}
            onChange={set('asOf')}
            placeholder="YYYY-MM-DD"
          />
          <p className="hint span-hint">
            Spans: select the text in the article, then press <kbd>t</kbd> (
            {claim.figure ? 'the figure' : 'the content'}), <kbd>s</kbd> (the source as written) or <kbd>c</kbd> (the
            cue), or type the offsets.
          </p>
          <div data-span="text" className="span-wide">
            <SpanField
              {...spanProps}
              name="text"
              label={claim.figure ? 'Figure (its span in the text)' : 'Content (what is claimed)'}
              hotkey="t"
              value={draft.text}
              nullable={false}
              onChange={setSpan('text')}
            />
          </div>
          {statement && (
            <>
              <div data-span="source" className="span-wide">
                <SpanField
                  {...spanProps}
                  name="source"
                  label="Source as written"
                  hotkey="s"
                  value={draft.source}
                  nullable
                  onChange={setSpan('source')}
                />
              </div>
              <div data-span="cue" className="span-wide">
                <SpanField
                  {...spanProps}
                  name="cue"
                  label="Cue (said, claimed…)"
                  hotkey="c"
                  value={draft.cue}
                  nullable
                  onChange={setSpan('cue')}
                />
              </div>
              <p className="hint">
                Source, side, cue and date belong to the statement
                {statement.source ? ` (“${statement.source.text}”)` : ''}: a correction here corrects all its claims.
              </p>
            </>
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

/** How a corrected field is named in the history. */
const FIELD_LABEL: Record<string, string> = {
  sourceCanonical: 'canonical name',
  source: 'source as written',
  asOf: 'as of',
  figureKind: 'kind',
  subject: 'whose loss',
  span: 'figure span',
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
                    {FIELD_LABEL[k] ?? words(k)}: {showValue(c.before[k])} → {showValue(c.after[k])}
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

/** A DOM range over the article's rendered text for offsets into the raw text (pieces carry `data-start`). */
export function articleRange(container: HTMLElement | null, start: number, end: number): Range | null {
  if (!container) return null;
  let startAt: [Node, number] | null = null;
  let endAt: [Node, number] | null = null;
  for (const piece of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const text = piece.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const from = Number(piece.dataset.start);
    const to = from + (text.textContent?.length ?? 0);
    if (!startAt && start >= from && start < to) startAt = [text, start - from];
    if (end > from && end <= to) {
      endAt = [text, end - from];
      break;
    }
  }
  if (!startAt || !endAt) return null;
  const range = document.createRange();
  range.setStart(...startAt);
  range.setEnd(...endAt);
  return range;
}

function drawHighlight(name: string, range: Range | null): void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightClass) return;
  if (range) registry.set(name, new HighlightClass(range));
  else registry.delete(name);
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
  const [figure, setFigure] = useState<FigureValues>({
    value: firstNumber(text),
    category: 'other',
    qualifier: 'exact',
    subject: 'unknown',
    figureKind: '',
    since: '',
  });
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
            value: Number(figure.value),
            category: figure.category as CorrectableFields['category'],
            subject: figure.subject as CorrectableFields['subject'],
            qualifier: figure.qualifier as CorrectableFields['qualifier'],
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
        id={`${ids}-add-kind`}
        label="Kind"
        value={kind}
        options={['figure', 'statement']}
        onChange={(v) => setKind(v as 'figure' | 'statement')}
        inputRef={first}
      />
      {kind === 'figure' ? (
        <FigureFields
          ids={ids}
          values={figure}
          set={(key) => (v) => setFigure((f) => ({ ...f, [key]: v }))}
          full={false}
        />
      ) : (
        <SourceFields ids={ids} source={source} side={side} onSource={setSource} onSide={setSide} />
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
