import { useEffect, useRef } from 'react';

const SHORTCUTS: Array<[keys: string[], what: string]> = [
  [['j', '↓'], 'next claim'],
  [['k', '↑'], 'previous claim'],
  [['p'], 'next pending claim (skips the judged ones)'],
  [['P'], "publish the selected claim's draft verdict"],
  [['z'], 'undo: withdraw the draft (it never reached a consumer)'],
  [['R'], 'retract the public verdict (a note is required; consumers receive it)'],
  [['v'], 'choose verified'],
  [['d'], 'choose disputed (then write the note)'],
  [['u'], 'choose unverifiable (then write the note)'],
  [['n'], 'write the note'],
  [['e'], 'correct the reading: source, side, cue, spans, value, category, whose loss ...'],
  [['s', 'c', 't'], 'with the correction form open: the selected text becomes the source, cue or span'],
  [['x'], 'reject the claim as not a claim (a parser error), or restore it'],
  [['a'], 'add the selected text as a missed statement or figure'],
  [['r'], 'add the reference row beside a figure to the evidence'],
  [['Enter'], 'save the chosen verdict (queue: open the claim)'],
  [['/'], 'search claims, sources and articles (in the queue: its own search box)'],
  [['Esc'], 'cancel, leave a field, close this help'],
  [['?'], 'show or hide this help'],
];

/** Every shortcut of the app, in a modal dialog that keeps focus and gives it back on close. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    // The backdrop closes on a click as a convenience; keys close it with Esc and the Close button.
    // biome-ignore lint/a11y/noStaticElementInteractions: not a control; the dialog inside has the real ones
    <div className="dialog-backdrop" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} className="shortcut">
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="btn" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** True when a key press belongs to a field the user is typing in, not to the app's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type))
  );
}
