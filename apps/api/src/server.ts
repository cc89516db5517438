import type { Server } from 'node:http';
import type { Database } from '@claimdesk/db';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import type { ParsePool } from './intake/parse-pool.ts';
import type { AppConfig } from './handlers.ts';
import { type WebhookDeliveryOptions, createWebhookDispatcher } from './services/webhooks.ts';

export interface StartServerOptions {
  port: number;
  db: Database;
  webDistDir?: string;
  logger?: Logger;
  config?: Partial<AppConfig>;
  /** How often this process looks for webhook deliveries that are due (ms); 0 turns it off. */
  webhookIntervalMs?: number;
  /** The allow-list (CLAIMDESK_WEBHOOK_ALLOW) and limits of outbound deliveries. */
  webhooks?: WebhookDeliveryOptions;
}

/** Listens, and runs this process's share of webhook deliveries until the server closes. */
export async function startServer(options: StartServerOptions): Promise<Server> {
  // Registration checks a webhook's target with the same allow-list (and DNS) as delivery.
  const outbound = {
    ...(options.webhooks?.allow !== undefined ? { allow: options.webhooks.allow } : {}),
    ...(options.webhooks?.resolve ? { resolve: options.webhooks.resolve } : {}),
  };
  const app = createApp({ ...options, config: { outbound, ...options.config } });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const pool = app.locals.parsePool as ParsePool | null;
  if (pool) server.on('close', () => void pool.close());
  const interval = options.webhookIntervalMs ?? 1000;
  if (interval > 0) {
    const dispatcher = createWebhookDispatcher(options.db, options.webhooks);
    let isRunning = false;
    const timer = setInterval(() => {
      if (isRunning) return;
      isRunning = true;
      // The tick only starts deliveries; answers arrive while later ticks start more.
      const log = (error: unknown) => options.logger?.error({ err: error }, 'webhook delivery failed');
      dispatcher
        .tick()
        .then((started) => {
          for (const sending of started) sending.catch(log);
        })
        .catch(log)
        .finally(() => {
          isRunning = false;
        });
    }, interval);
    timer.unref();
    server.on('close', () => clearInterval(timer));
  }
  return server;
}
