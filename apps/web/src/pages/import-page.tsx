import './admin.css';
import type { ImportResult } from '@claimdesk/contracts';
import { type DragEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useImportFile } from '../api/admin-queries.ts';

const ACCEPT = '.txt,.html,.htm,.json,.ndjson,.jsonl,.csv';

interface FileRow {
  key: string;
  name: string;
  state: 'waiting' | 'importing' | 'done' | 'failed';
  results: ImportResult[];
  error: string | null;
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

const STATUS_TEXT: Record<ImportResult['status'], string> = {
  stored: 'stored',
  version: 'new version',
  existing: 'already stored',
  refused: 'refused',
};

/** Admins only: drop or choose article files; each file's articles are stored, found already stored, or refused with the reason. */
export function ImportPage() {
  const importFile = useImportFile();
  const [rows, setRows] = useState<FileRow[]>([]);
  const [map, setMap] = useState('');
  const [isOver, setIsOver] = useState(false);
  const inputId = useId();
  const mapId = useId();

  const update = (key: string, change: Partial<FileRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  // One file at a time: a long article parses for seconds, and results come in the order given.
  const importAll = async (files: File[]) => {
    const added = files.map((f, i) => ({
      key: `${Date.now()}-${i}-${f.name}`,
      name: f.name,
      state: 'waiting' as const,
      results: [],
      error: null,
    }));
    setRows((all) => [...added, ...all]);
    for (const [i, file] of files.entries()) {
      const key = added[i]?.key ?? '';
      update(key, { state: 'importing' });
      try {
        const content = await readBase64(file);
        const { results } = await importFile.mutateAsync({
          fileName: file.name,
          content,
          ...(map.trim() ? { map: map.trim() } : {}),
        });
        update(key, { state: 'done', results });
      } catch (error) {
        update(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsOver(false);
    void importAll(Array.from(e.dataTransfer.files));
  };

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
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file button inside is the control */}
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
        <p>Drop files here, or</p>
        <label htmlFor={inputId} className="btn">
          Choose files…
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
            void importAll(files);
          }}
        />
      </div>
      {rows.length > 0 && (
        <ul className="import-results" aria-label="Import results">
          {rows.map((row) => (
            <li key={row.key} data-file={row.name}>
              <strong>{row.name}</strong> {row.state === 'waiting' && <span className="muted">waiting…</span>}
              {row.state === 'importing' && <span role="status">importing…</span>}
              {row.state === 'failed' && (
                <span role="alert" className="import-refused">
                  not imported: {row.error}
                </span>
              )}
              {row.state === 'done' && (
                <ul>
                  {row.results.map((r) => (
                    <li key={r.label} className={`import-${r.status}`} data-status={r.status}>
                      {r.label !== row.name && <span className="muted">{r.label.slice(row.name.length)} </span>}
                      <span className="import-status">{STATUS_TEXT[r.status]}</span>
                      {r.articleId && (
                        <>
                          {': '}
                          <Link to={`/articles/${r.articleId}`}>{r.title}</Link> ({r.claims} claims)
                        </>
                      )}
                      {r.reason && <>: {r.reason}</>}
                    </li>
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
