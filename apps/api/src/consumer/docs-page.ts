/**
 * A self-contained HTML page for the OpenAPI document (no CDN: the CSP is 'self'): every route
 * with who may call it, its parameters, and its request and response schemas.
 */
interface Operation {
  summary?: string;
  operationId?: string;
  'x-access'?: string;
  'x-api-key'?: boolean;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

export function docsPage(openapi: {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
}): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const schemaBlock = (label: string, schema: unknown) =>
    schema
      ? `<details><summary>${esc(label)}</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`
      : '';
  const index: string[] = [];
  const sections = Object.entries(openapi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as Operation;
      const anchor = o.operationId ?? `${method}-${path}`;
      const access = `${o['x-access'] ?? ''}${o['x-api-key'] ? ' or API key' : ''}`;
      index.push(
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><a href="#${esc(anchor)}"><code>${esc(path)}</code></a></td><td>${esc(o.summary ?? '')}</td><td>${esc(access)}</td></tr>`,
      );
      const params = (o.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''}) <code>${esc(JSON.stringify(p.schema ?? {}))}</code></li>`,
        )
        .join('');
      const body = Object.entries(o.requestBody?.content ?? {})
        .map(([type, c]) => schemaBlock(`request body (${type})`, c.schema))
        .join('');
      const responses = Object.entries(o.responses ?? {})
        .map(([status, r]) => {
          const content = Object.entries(r.content ?? {})
            .map(([type, c]) => (status.startsWith('2') ? schemaBlock(`${status} ${type}`, c.schema) : ''))
            .join('');
          return `<li><code>${esc(status)}</code> ${esc(r.description ?? '')}${content}</li>`;
        })
        .join('');
      return `<section id="${esc(anchor)}"><h2><code>${esc(method.toUpperCase())} ${esc(path)}</code></h2><p>${esc(o.summary ?? '')}. Who: ${esc(access)}.</p>${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}${body}<h3>Answers</h3><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(openapi.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}code{font-size:13px}pre{background:#f4f5f7;padding:.6rem;overflow:auto;max-height:24rem}section{border-top:1px solid #ccc;margin-top:1.5rem}h2{font-size:1.05rem}h3{font-size:.95rem;margin-bottom:.2rem}</style>
</head><body><main><h1>${esc(openapi.info.title)}</h1><p>${esc(openapi.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Sign in with <code>POST /api/session</code> (cookie; writes also need the <code>X-CSRF-Token</code> header), or send a read-only API key as <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<table><thead><tr><th>method</th><th>path</th><th>what</th><th>who</th></tr></thead><tbody>${index.join('')}</tbody></table>${sections.join('')}</main></body></html>`;
}
