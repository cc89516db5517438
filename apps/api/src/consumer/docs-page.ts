/** A self-contained HTML page listing every route of the OpenAPI document (no CDN: CSP is 'self'). */
export function docsPage(openapi: { info: { title: string; description?: string }; paths: Record<string, Record<string, unknown>> }): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = Object.entries(openapi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as { summary?: string; 'x-access'?: string; 'x-api-key'?: boolean; operationId?: string };
      const access = `${o['x-access'] ?? ''}${o['x-api-key'] ? ' or API key' : ''}`;
      return `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>${esc(path)}</code></td><td>${esc(o.summary ?? '')}</td><td>${esc(access)}</td></tr>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(openapi.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}code{font-size:13px}</style>
</head><body><main><h1>${esc(openapi.info.title)}</h1><p>${esc(openapi.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>method</th><th>path</th><th>what</th><th>who</th></tr></thead><tbody>${rows.join('')}</tbody></table></main></body></html>`;
}
