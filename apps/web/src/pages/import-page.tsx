import './admin.css';
import type { ImportResult } from '@claimdesk/contracts';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useImportFile, useImportUrl } from '../api/admin-queries.ts';

const EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.ndjson', '.jsonl', '.csv'];
const ACCEPT = EXTENSIONS.join(',');
const isArticleFile = (name: string) => EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

interface Row {
  key: string;
  /** The file's path inside a dropped or chosen folder, its name, or the URL. */
  name: string;
  state: 'waiting' | 'reading' | 'importing' | 'done' | 'failed' | 'skipped';
  results: ImportResult[];
  error: string | null;
}

/** A file to import with the path it had inside a folder (its name when it was not in one). */
interface Picked {
  file: File;
  path: string;
}

/** The file's bytes in base64, read by the browser (no text decoding: the server checks the UTF-8). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Every file under dropped folders (and the dropped files), with their paths. */
async function walkEntries(entries: FileSystemEntry[]): Promise<Picked[]> {
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 in Chromium) until it answers none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e);
    }
  };
  for (const entry of entries) await walk(entry);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const STATUS_TEXT: Record<ImportResult['status'], string> = {
  stored: 'stored',
  version: 'new version',
  existing: 'already stored',
  refused: 'refused',
};

const STATE_TEXT: Partial<Record<Row['state'], string>> = {
  waiting: 'waiting…',
  reading: 'reading…',
  importing: 'sending and parsing…',
};

function ResultLine({ row, r }: { row: Row; r: ImportResult }) {
  const suffix = r.label.startsWith(row.name) ? r.label.slice(row.name.length) : '';
  return (
    <li className={`import-${r.status}`} data-status={r.status}>
      {suffix && <span className="muted">{suffix} </span>}
      <span className="import-status">{STATUS_TEXT[r.status]}</span>
      {r.status === 'version' && r.version ? ` (version ${r.version} of` : ''}
      {r.articleId && (
        <>
          {r.status === 'version' ? ' ' : ': '}
          <Link to={`/articles/${r.articleId}`}>{r.title}</Link>
          {r.status === 'version' ? ')' : ''} ({r.claims} claims
          {r.changes &&
            `; ${r.changes.kept} kept, ${r.changes.added} new, ${r.changes.removed} removed, ${r.changes.notFound} not found`}
          )
        </>
      )}
      {r.reason && <>: {r.reason}</>}
    </li>
  );
}

/**
 * Admins only: drop files or whole folders, choose files or a folder, or paste a URL. Each file
 * shows where it is (waiting, reading, sending and parsing) and then what became of each article
 * in it: stored, a new version of a stored one, already stored, or refused and why.
 */
export function ImportPage() {
  const importFile = useImportFile();
  const importUrl = useImportUrl();
  const [rows, setRows] = useState<Row[]>([]);
  const [map, setMap] = useState('');
  const [url, setUrl] = useState('');
  const [isOver, setIsOver] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inputId = useId();
  const folderId = useId();
  const mapId = useId();
  const urlId = useId();

  const update = (key: string, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const addRows = (names: Array<{ name: string; state: Row['state']; error?: string }>) => {
    const stamp = Date.now();
    const added: Row[] = names.map((n, i) => ({
      key: `${stamp}-${i}-${n.name}`,
      name: n.name,
      state: n.state,
      results: [],
      error: n.error ?? null,
    }));
    setRows((all) => [...all, ...added]);
    return added;
  };
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const mapOption = () => (map.trim() ? { map: map.trim() } : {});

  // One import at a time, in the order given: a long article parses for seconds, and the server's
  // workers are shared with everyone else's imports.
  const enqueue = (job: () => Promise<void>) => {
    queue.current = queue.current.then(job, job);
  };

  const importAll = (picked: Picked[]) => {
    const visible = picked.filter((p) => !p.path.split('/').some((part) => part.startsWith('.')));
    const rowsAdded = addRows(
      visible.map((p) =>
        isArticleFile(p.path)
          ? { name: p.path, state: 'waiting' }
          : { name: p.path, state: 'skipped', error: `not an article file (${EXTENSIONS.join(', ')})` },
      ),
    );
    for (const [i, p] of visible.entries()) {
      const row = rowsAdded[i];
      if (!row || row.state === 'skipped') continue;
      enqueue(async () => {
        update(row.key, { state: 'reading' });
        try {
          const content = await readBase64(p.file);
          update(row.key, { state: 'importing' });
          const { results } = await importFile.mutateAsync({ fileName: p.file.name, content, ...mapOption() });
          // Labels name the file; show them against its path in the folder.
          const relabelled = results.map((r) => ({ ...r, label: `${p.path}${r.label.slice(p.file.name.length)}` }));
          update(row.key, { state: 'done', results: relabelled });
        } catch (error) {
          update(row.key, { state: 'failed', error: errorText(error) });
        }
      });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsOver(false);
    // Entries must be taken while the event lasts; folders are walked afterwards.
    const entries = Array.from(e.dataTransfer.items)
      .filter((item) => item.kind === 'file')
      .map((item) => item.webkitGetAsEntry?.() ?? null);
    const files = Array.from(e.dataTransfer.files);
    if (entries.length > 0 && entries.every((entry) => entry !== null)) {
      void walkEntries(entries as FileSystemEntry[]).then(importAll, (error) =>
        addRows([{ name: 'dropped folder', state: 'failed', error: errorText(error) }]),
      );
    } else {
      importAll(files.map((file) => ({ file, path: file.name })));
    }
  };

  const onUrl = (e: FormEvent) => {
    e.preventDefault();
    const address = url.trim();
    if (!address) return;
    setUrl('');
    const [row] = addRows([{ name: address, state: 'waiting' }]);
    if (!row) return;
    enqueue(async () => {
      update(row.key, { state: 'importing' });
      try {
        const { results } = await importUrl.mutateAsync({ url: address, ...mapOption() });
        update(row.key, { state: 'done', results });
      } catch (error) {
        update(row.key, { state: 'failed', error: errorText(error) });
      }
    });
  };

  const finished = rows.filter((r) => r.state === 'done' || r.state === 'failed' || r.state === 'skipped').length;
  const tally = (status: ImportResult['status']) =>
    rows.reduce((n, r) => n + r.results.filter((x) => x.status === status).length, 0);
  const refused = tally('refused') + rows.filter((r) => r.state === 'failed').length;

  return (
    <section aria-labelledby="import-title" className="admin-page">
      <h1 id="import-title">Import articles</h1>
      <p>
        Text files in the header format (<code>date 2022-02-27 Kyiv | Outlet: …</code>), web pages (.html: the main
        text, headline, byline, date and address are read from the page), JSON or NDJSON records{' '}
        <code>{'{text|html, title?, url?, outlet?, publishedOn?, byline?}'}</code> and CSV files (a record a row).
      </p>
      <div className="import-map">
        <label htmlFor={mapId}>CSV columns (optional)</label>
        <input
          id={mapId}
          value={map}
          onChange={(e) => setMap(e.target.value)}
          placeholder="text=articles,publishedOn=published,title=headline"
          aria-describedby={`${mapId}-hint`}
        />
        <span id={`${mapId}-hint`} className="hint">
          Which column holds which field, when a CSV does not name them text, title, publishedOn…
        </span>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file buttons inside are the controls */}
      <div
        className={`dropzone${isOver ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>Drop files or folders here, or</p>
        <label htmlFor={inputId} className="btn">
          Choose files…
        </label>{' '}
        <label htmlFor={folderId} className="btn">
          Choose a folder…
        </label>
        <input
          id={inputId}
          className="sr-only"
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Choose files to import"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            importAll(files.map((file) => ({ file, path: file.name })));
          }}
        />
        <input
          id={folderId}
          className="sr-only"
          type="file"
          multiple
          ref={(el) => {
            // Not a React attribute: the browser's folder picker (every file under the folder).
            if (el) el.webkitdirectory = true;
          }}
          aria-label="Choose a folder to import"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            importAll(files.map((file) => ({ file, path: file.webkitRelativePath || file.name })));
          }}
        />
      </div>
      <form className="import-url" onSubmit={onUrl}>
        <label htmlFor={urlId}>Or a page's address</label>
        <input
          id={urlId}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://news.example/2022/03/05/irpin"
          aria-describedby={`${urlId}-hint`}
        />
        <button type="submit" className="btn" disabled={!url.trim()}>
          Import page
        </button>
        <span id={`${urlId}-hint`} className="hint">
          Fetched by the server (15 s, size limit, no redirects); private and local addresses are refused unless the
          server allows them.
        </span>
      </form>
      {rows.length > 0 && (
        <div className="import-summary" aria-live="polite">
          <progress max={rows.length} value={finished} aria-label="Files done" />{' '}
          <span>
            {finished} of {rows.length} done · {tally('stored')} stored · {tally('version')} new versions ·{' '}
            {tally('existing')} already stored · {refused} refused
          </span>
        </div>
      )}
      {rows.length > 0 && (
        <ul className="import-results" aria-label="Import results">
          {rows.map((row) => (
            <li key={row.key} data-file={row.name} data-state={row.state}>
              <strong>{row.name}</strong>{' '}
              {STATE_TEXT[row.state] && (
                <span className="import-progress">
                  <progress aria-label={`${row.name}: ${STATE_TEXT[row.state]}`} />{' '}
                  <span role="status">{STATE_TEXT[row.state]}</span>
                </span>
              )}
              {row.state === 'skipped' && <span className="muted">skipped: {row.error}</span>}
              {row.state === 'failed' && (
                <span role="alert" className="import-refused">
                  not imported: {row.error}
                </span>
              )}
              {row.state === 'done' && (
                <ul>
                  {row.results.map((r) => (
                    <ResultLine key={r.label} row={row} r={r} />
                  ))}
                  {row.results.length === 0 && <li>no articles in this file</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
