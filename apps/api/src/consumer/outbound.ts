import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Outbound HTTP to addresses that an admin typed in (webhooks). Without care this is a server-side
 * request forgery tool: a webhook at 127.1:6379 or 169.254.169.254 makes the API talk to what only
 * it can reach, and the deliveries list reports the answer. So: the host is resolved once, every
 * address it resolves to must be public unicast (or named in the allow-list), the connection goes
 * to the address that was checked (a custom `lookup` on the request, so DNS is not asked twice and
 * cannot answer differently the second time), and redirects are never followed.
 */

/** Resolves a host name to every address; tests stub it so that no query leaves the machine. */
export type ResolveHost = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

const resolveWithDns: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface OutboundPolicy {
  /** `address:port` pairs allowed although not public (`127.0.0.1:8080`, `[::1]:9000`). */
  allow: ReadonlySet<string>;
  resolve: ResolveHost;
}

/** Reads `CLAIMDESK_WEBHOOK_ALLOW`-style lists: `127.0.0.1:8080,[::1]:9000`. */
export function parseAllowList(value: string | readonly string[] | undefined): Set<string> {
  const items = typeof value === 'string' ? value.split(',') : (value ?? []);
  const out = new Set<string>();
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(item);
    if (!match?.[1] || !match[2] || !isIP(match[1])) {
      throw new Error(`webhook allow-list entry "${item}" is not address:port (e.g. 127.0.0.1:8080 or [::1]:8080)`);
    }
    out.add(addressKey(match[1], Number(match[2])));
  }
  return out;
}

function addressKey(address: string, port: number): string {
  const normal = ipaddr.process(address).toString();
  return `${normal.includes(':') ? `[${normal}]` : normal}:${port}`;
}

export function createOutboundPolicy(options: { allow?: string | readonly string[]; resolve?: ResolveHost } = {}) {
  return { allow: parseAllowList(options.allow), resolve: options.resolve ?? resolveWithDns };
}

/** Why an address may not be called, or null when it may (public unicast only). */
export function refusalFor(address: string): string | null {
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? null : `${parsed.toString()} is a ${range} address`;
}

export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** The address to connect to for `url`, after resolving and checking; throws OutboundRefused. */
export async function checkTarget(policy: OutboundPolicy, url: URL): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused('only http(s) URLs are called');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  // WHATWG URL parsing already turned 127.1, 2130706433 and 0x7f000001 into 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await policy.resolve(host);
  if (addresses.length === 0) throw new OutboundRefused(`${host} does not resolve`);
  // Every address must pass: otherwise a name with one public and one private answer would pass.
  for (const { address } of addresses) {
    const refusal = refusalFor(address);
    if (refusal && !policy.allow.has(addressKey(address, port))) {
      throw new OutboundRefused(
        `refused: ${host} resolves to ${refusal}; add ${addressKey(address, port)} to CLAIMDESK_WEBHOOK_ALLOW to allow it`,
      );
    }
  }
  const first = addresses[0] as { address: string; family: number };
  return { address: ipaddr.process(first.address).toString(), family: first.family === 6 ? 6 : 4 };
}

export interface PostResult {
  status: number;
}

/**
 * POSTs `body` to the checked address. The connection must be made within `connectTimeoutMs` and
 * the whole answer within `timeoutMs`. A redirect is an answer like any other: not followed.
 */
export function postTo(
  url: URL,
  target: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
  { connectTimeoutMs, timeoutMs }: { connectTimeoutMs: number; timeoutMs: number },
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // The checked address, whatever the name would resolve to now. TLS still verifies the name.
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) callback(null, [target]);
          else (callback as (e: null, a: string, f: number) => void)(null, target.address, target.family);
        },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          clearTimeout(total);
          resolve({ status: response.statusCode ?? 0 });
        });
        response.on('error', reject);
      },
    );
    const fail = (message: string) => request.destroy(new Error(message));
    const connect = setTimeout(() => fail(`could not connect within ${connectTimeoutMs} ms`), connectTimeoutMs);
    const total = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    request.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      socket.once('connect', () => clearTimeout(connect));
    });
    request.on('error', (error) => {
      clearTimeout(connect);
      clearTimeout(total);
      reject(error);
    });
    request.end(body);
  });
}

/**
 * GETs `url` from the checked address (article imports by URL), with the same timeouts, reading at
 * most `maxBytes` of the body: a larger answer is cut off and refused, never held in memory whole.
 * A redirect is returned as its status, not followed (its target was never checked).
 */
export function getFrom(
  url: URL,
  target: { address: string; family: 4 | 6 },
  { connectTimeoutMs, timeoutMs, maxBytes }: { connectTimeoutMs: number; timeoutMs: number; maxBytes: number },
): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        headers: { accept: 'text/html, application/json, text/csv, text/plain;q=0.9, */*;q=0.5' },
        lookup: (_hostname, options, callback) => {
          if ((options as { all?: boolean }).all) callback(null, [target]);
          else (callback as (e: null, a: string, f: number) => void)(null, target.address, target.family);
        },
        agent: false,
      },
      (response) => {
        const parts: Buffer[] = [];
        let size = 0;
        let isTooLarge = false;
        response.on('data', (chunk: Buffer) => {
          if (isTooLarge) return;
          size += chunk.length;
          if (size <= maxBytes) {
            parts.push(chunk);
            return;
          }
          isTooLarge = true;
          clearTimeout(total);
          response.destroy();
          reject(new Error(`the answer is larger than ${maxBytes.toLocaleString('en')} bytes`));
        });
        response.on('end', () => {
          if (isTooLarge) return;
          clearTimeout(total);
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(parts),
          });
        });
        response.on('error', reject);
      },
    );
    const fail = (message: string) => request.destroy(new Error(message));
    const connect = setTimeout(() => fail(`could not connect within ${connectTimeoutMs} ms`), connectTimeoutMs);
    const total = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    request.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      socket.once('connect', () => clearTimeout(connect));
    });
    request.on('error', (error) => {
      clearTimeout(connect);
      clearTimeout(total);
      reject(error);
    });
    request.end();
  });
}
