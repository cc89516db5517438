import { randomBytes } from 'node:crypto';
import type { Database } from '@claimdesk/db';
import { RETRY_DELAYS_MS, SIGNATURE_HEADER, signPayload } from '../consumer/webhook-signature.ts';
import { AppError } from '../errors.ts';

type WebhookRow = { id: string; url: string; isActive: boolean; createdAt: Date };
const toWebhook = (w: WebhookRow) => ({
  id: w.id,
  url: w.url,
  isActive: w.isActive,
  createdAt: w.createdAt.toISOString(),
});

export async function createWebhook(db: Database, url: string) {
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await db.prisma.webhook.create({ data: { url, secret } });
  return { ...toWebhook(row), secret };
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

/**
 * Sends the deliveries that are due. Several API processes may run this at once: a delivery is
 * taken by a conditional update on its attempt count, so exactly one process sends each attempt.
 */
export async function deliverDueWebhooks(
  db: Database,
  options: { now?: () => Date; fetchImpl?: typeof fetch; retryDelaysMs?: number[]; timeoutMs?: number } = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const send = options.fetchImpl ?? fetch;
  const due = await db.prisma.webhookDelivery.findMany({
    // A stopped webhook sends nothing more, not even what was queued before it stopped.
    where: { status: 'pending', nextAttemptAt: { lte: now() }, webhook: { isActive: true } },
    include: { webhook: true },
    orderBy: { nextAttemptAt: 'asc' },
    take: 20,
  });
  let sent = 0;
  for (const delivery of due) {
    const taken = await db.prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, status: 'pending', attempts: delivery.attempts },
      data: { attempts: delivery.attempts + 1, nextAttemptAt: new Date(now().getTime() + LEASE_MS) },
    });
    if (taken.count === 0) continue;
    const attempt = delivery.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const timestamp = Math.floor(now().getTime() / 1000);
      const response = await send(delivery.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signPayload(delivery.webhook.secret, delivery.payload, timestamp),
          'x-claimdesk-delivery': delivery.id,
        },
        body: delivery.payload,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      status = response.status;
      if (!response.ok) error = `receiver answered ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const delay = delays[attempt - 1];
    await db.prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data:
        error === null
          ? { status: 'delivered', lastStatus: status, lastError: null }
          : delay === undefined
            ? { status: 'failed', lastStatus: status, lastError: error }
            : {
                status: 'pending',
                lastStatus: status,
                lastError: error,
                nextAttemptAt: new Date(now().getTime() + delay),
              },
    });
    sent += 1;
  }
  return sent;
}
