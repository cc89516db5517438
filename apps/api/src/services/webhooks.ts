import { randomBytes } from 'node:crypto';
import type { Database } from '@claimdesk/db';
import { RETRY_DELAYS_MS, SIGNATURE_HEADER, signPayload } from '../consumer/webhook-signature.ts';
import {
  type OutboundPolicy,
  OutboundRefused,
  type ResolveHost,
  checkTarget,
  createOutboundPolicy,
  postTo,
} from '../consumer/outbound.ts';
import { AppError } from '../errors.ts';

type WebhookRow = { id: string; url: string; isActive: boolean; createdAt: Date };
const toWebhook = (w: WebhookRow) => ({
  id: w.id,
  url: w.url,
  isActive: w.isActive,
  createdAt: w.createdAt.toISOString(),
});

/**
 * Registers a webhook. Its target is checked here as it will be at every delivery (resolved, every
 * address public unicast unless allow-listed), so an admin learns at once that a URL will never be
 * called, and the deliveries list cannot be used to probe addresses that only the server reaches.
 * Delivery checks again: what a name resolves to can change after registration.
 */
export async function createWebhook(db: Database, url: string, policy: OutboundPolicy = createOutboundPolicy()) {
  await checkRegistrationTarget(policy, url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await db.prisma.webhook.create({ data: { url, secret } });
  return { ...toWebhook(row), secret };
}

async function checkRegistrationTarget(policy: OutboundPolicy, url: string): Promise<void> {
  const refuse = (why: string) => {
    throw new AppError('validation_error', `url: ${why}`, { path: ['url'] });
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not a URL');
  }
  try {
    await checkTarget(policy, parsed);
  } catch (error) {
    if (error instanceof OutboundRefused) return refuse(error.message);
    // The resolver failed (no such name, no DNS reachable): nothing could ever be delivered there.
    const code = (error as { code?: unknown }).code;
    return refuse(`${parsed.hostname} could not be resolved${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

export async function listWebhooks(db: Database) {
  const rows = await db.prisma.webhook.findMany({ orderBy: { createdAt: 'asc' } });
  return { items: rows.map(toWebhook) };
}

export async function deactivateWebhook(db: Database, id: string): Promise<void> {
  const { count } = await db.prisma.webhook.updateMany({ where: { id }, data: { isActive: false } });
  if (count === 0) throw new AppError('not_found', `no webhook ${id}`, { path: ['id'] });
}

export async function listDeliveries(db: Database, webhookId: string) {
  const hook = await db.prisma.webhook.findUnique({ where: { id: webhookId }, select: { id: true } });
  if (!hook) throw new AppError('not_found', `no webhook ${webhookId}`, { path: ['id'] });
  const rows = await db.prisma.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return {
    items: rows.map((d) => ({
      id: d.id,
      webhookId: d.webhookId,
      verdictId: d.verdictId,
      status: d.status as 'pending' | 'delivered' | 'failed',
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    })),
  };
}

/** How long a process owns a delivery it is sending before another may try it. */
const LEASE_MS = 30_000;

export interface WebhookDeliveryOptions {
  now?: () => Date;
  retryDelaysMs?: number[];
  /** The whole attempt, connection to last byte (ms). */
  timeoutMs?: number;
  /** Establishing the connection (ms): a receiver that does not even accept fails fast. */
  connectTimeoutMs?: number;
  /** `address:port` pairs that may be called although not public (CLAIMDESK_WEBHOOK_ALLOW). */
  allow?: string | readonly string[];
  /** DNS, replaceable in tests so that no query leaves the machine. */
  resolve?: ResolveHost;
  /** Deliveries in flight in this process, overall and per webhook. */
  maxConcurrent?: number;
  maxPerWebhook?: number;
  /** Consecutive failures that open a webhook's circuit, and how long it stays open (ms). */
  breakerFailures?: number;
  breakerOpenMs?: number;
}

type DueDelivery = Awaited<ReturnType<typeof findDue>>[number];

function findDue(db: Database, now: Date, skipDeliveries: string[], skipWebhooks: string[], take: number) {
  return db.prisma.webhookDelivery.findMany({
    // A stopped webhook sends nothing more, not even what was queued before it stopped.
    where: {
      status: 'pending',
      nextAttemptAt: { lte: now },
      webhook: { isActive: true },
      ...(skipDeliveries.length > 0 ? { id: { notIn: skipDeliveries } } : {}),
      ...(skipWebhooks.length > 0 ? { webhookId: { notIn: skipWebhooks } } : {}),
    },
    include: { webhook: true },
    orderBy: { nextAttemptAt: 'asc' },
    take,
  });
}

/**
 * This process's sender of webhook deliveries. A tick starts what is due and returns without
 * waiting for the answers, so one receiver that hangs holds only its own slots: at most
 * `maxPerWebhook` deliveries in flight per webhook and `maxConcurrent` in all, and after
 * `breakerFailures` failures in a row its circuit opens (its deliveries wait, unsent, until
 * `breakerOpenMs` has passed; then one attempt decides). Several API processes may tick at once:
 * a delivery is taken by a conditional update on its attempt count, so one process sends each attempt.
 */
export function createWebhookDispatcher(db: Database, options: WebhookDeliveryOptions = {}) {
  const now = options.now ?? (() => new Date());
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const policy = createOutboundPolicy({
    ...(options.allow !== undefined ? { allow: options.allow } : {}),
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const maxConcurrent = options.maxConcurrent ?? 16;
  const maxPerWebhook = options.maxPerWebhook ?? 2;
  const breakerFailures = options.breakerFailures ?? 5;
  const breakerOpenMs = options.breakerOpenMs ?? 60_000;
  const timeouts = { connectTimeoutMs: options.connectTimeoutMs ?? 2_000, timeoutMs: options.timeoutMs ?? 10_000 };
  const inFlight = new Set<string>();
  const perWebhook = new Map<string, number>();
  const breakers = new Map<string, { failures: number; openUntil: number }>();

  const isOpen = (webhookId: string) => (breakers.get(webhookId)?.openUntil ?? 0) > now().getTime();
  const noteResult = (webhookId: string, isSuccess: boolean) => {
    const breaker = breakers.get(webhookId) ?? { failures: 0, openUntil: 0 };
    breaker.failures = isSuccess ? 0 : breaker.failures + 1;
    if (breaker.failures >= breakerFailures) breaker.openUntil = now().getTime() + breakerOpenMs;
    breakers.set(webhookId, breaker);
  };

  async function attempt(delivery: DueDelivery): Promise<void> {
    const attemptNo = delivery.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    let isRefused = false;
    try {
      const url = new URL(delivery.webhook.url);
      const target = await checkTarget(policy, url);
      // The delivery id is inside the signed body, so a receiver can drop a replayed delivery.
      const body = JSON.stringify({ deliveryId: delivery.id, ...JSON.parse(delivery.payload) });
      const timestamp = Math.floor(now().getTime() / 1000);
      const response = await postTo(
        url,
        target,
        body,
        {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signPayload(delivery.webhook.secret, body, timestamp),
          'x-claimdesk-delivery': delivery.id,
        },
        timeouts,
      );
      status = response.status;
      if (status < 200 || status >= 300) {
        error =
          status >= 300 && status < 400
            ? `receiver answered ${status}; redirects are not followed`
            : `receiver answered ${status}`;
      }
    } catch (e) {
      isRefused = e instanceof OutboundRefused;
      error = e instanceof Error ? e.message : String(e);
    }
    if (!isRefused) noteResult(delivery.webhookId, error === null);
    const delay = delays[attemptNo - 1];
    await db.prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data:
        error === null
          ? { status: 'delivered', lastStatus: status, lastError: null }
          : delay === undefined || isRefused
            ? { status: 'failed', lastStatus: status, lastError: error }
            : {
                status: 'pending',
                lastStatus: status,
                lastError: error,
                nextAttemptAt: new Date(now().getTime() + delay),
              },
    });
  }

  return {
    /** Starts the deliveries that are due and may go now; resolves with one promise per started send. */
    async tick(): Promise<Array<Promise<void>>> {
      if (inFlight.size >= maxConcurrent) return [];
      const busyWebhooks = [...perWebhook].filter(([, n]) => n >= maxPerWebhook).map(([id]) => id);
      const openWebhooks = [...breakers.keys()].filter(isOpen);
      const due = await findDue(db, now(), [...inFlight], [...busyWebhooks, ...openWebhooks], maxConcurrent * 2);
      const started: Array<Promise<void>> = [];
      for (const delivery of due) {
        if (inFlight.size >= maxConcurrent) break;
        if ((perWebhook.get(delivery.webhookId) ?? 0) >= maxPerWebhook || isOpen(delivery.webhookId)) continue;
        const taken = await db.prisma.webhookDelivery.updateMany({
          where: { id: delivery.id, status: 'pending', attempts: delivery.attempts },
          data: { attempts: delivery.attempts + 1, nextAttemptAt: new Date(now().getTime() + LEASE_MS) },
        });
        if (taken.count === 0) continue;
        inFlight.add(delivery.id);
        perWebhook.set(delivery.webhookId, (perWebhook.get(delivery.webhookId) ?? 0) + 1);
        started.push(
          attempt(delivery).finally(() => {
            inFlight.delete(delivery.id);
            perWebhook.set(delivery.webhookId, (perWebhook.get(delivery.webhookId) ?? 1) - 1);
          }),
        );
      }
      return started;
    },
    /** Whether this webhook's circuit is open now (its deliveries wait). */
    isOpen,
  };
}
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

/** Sends what is due now and waits for every answer; returns how many attempts were made. */
export async function deliverDueWebhooks(db: Database, options: WebhookDeliveryOptions = {}): Promise<number> {
  const started = await createWebhookDispatcher(db, options).tick();
  await Promise.all(started);
  return started.length;
}
