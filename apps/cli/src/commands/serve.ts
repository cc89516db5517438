import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ensureFirstAdmin,
  GENERAL_STAFF_DATASET,
  hasReferenceDataset,
  importArticle,
  importReference,
  fillSearchText,
  hasArticles,
  linkUnlinkedSources,
  publicLinksFromEnv,
  readEnv,
  readReferenceFiles,
  reparseOutdatedArticles,
  startServer,
} from '@claimdesk/api';
import { migrateDatabase, openDatabase } from '@claimdesk/db';
import { CliError } from '../cli-error.ts';
import { serveUsage } from '../usage.ts';
import { readConnectionConfig, repoRoot } from '../env.ts';

export const SAMPLE_ARTICLE = join(repoRoot, 'sample-data', '00_2022-02-27_jagran.txt');
/** The General Staff's loss series (MIT, see its LICENSE), shipped to check figures against. */
export const SAMPLE_REFERENCE = ['russia_losses_equipment.json', 'russia_losses_personnel.json'].map((f) =>
  join(repoRoot, 'sample-data', 'general-staff-losses', f),
);

export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(serveUsage);
    return 0;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`serve: invalid port ${values.port ?? process.env.PORT}`);
  // The environment is checked before anything is written, so a bad variable changes nothing.
  const env = readEnv();
  const config = readConnectionConfig();
  const applied = await migrateDatabase(config);
  if (applied.length > 0) console.log(`database: applied ${applied.join(', ')}`);
  const db = await openDatabase(config);
  const admin = await ensureFirstAdmin(db, {
    email: env.CLAIMDESK_ADMIN_EMAIL,
    password: env.CLAIMDESK_ADMIN_PASSWORD,
  });
  if (admin?.generatedPassword) {
    console.log(
      `\nFirst start: created the admin account\n  email:    ${admin.email}\n  password: ${admin.generatedPassword}\nThis password is shown once. Sign in and create editor accounts (npx claimdesk users create).\n`,
    );
  } else if (admin) {
    console.log(`First start: created the admin account ${admin.email} (password from CLAIMDESK_ADMIN_PASSWORD)`);
  }
  if (!(await hasArticles(db))) {
    const { article } = await importArticle(db, {
      text: readFileSync(SAMPLE_ARTICLE, 'utf8'),
      fileName: '00_2022-02-27_jagran.txt',
    });
    console.log(`database was empty: loaded the sample article (${article.claims.length} claims)`);
  }
  // Checked before the files are read: parsing 21,000 points on every start would cost most of it.
  if (!(await hasReferenceDataset(db, GENERAL_STAFF_DATASET.slug))) {
    const sample = readReferenceFiles(SAMPLE_REFERENCE, { format: 'general-staff' });
    const report = await importReference(db, sample.dataset, sample.files);
    console.log(`reference data: loaded ${report.dataset.name} (${report.created} points)`);
  }
  const { pino } = await import('pino');
  const logger = pino({ level: env.LOG_LEVEL });
  const server = await startServer({
    port,
    db,
    logger,
    webDistDir: join(repoRoot, 'apps', 'web', 'dist'),
    config: {
      ...publicLinksFromEnv(env),
      secureCookies: env.CLAIMDESK_BEHIND_HTTPS === 'true',
      articleLimits: { maxChars: env.CLAIMDESK_MAX_ARTICLE_CHARS },
    },
    webhooks: { allow: env.CLAIMDESK_WEBHOOK_ALLOW },
  });
  // Ready for a signal before saying so: whoever waits for the line below may stop us at once.
  const stop = () => {
    server.close(() => void db.close().then(() => process.exit(0)));
    // Idle keep-alive sockets would hold close() open; a stuck request must not keep a stopped server alive.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(
    `claimdesk is serving on http://localhost:${actualPort} (${config.provider === 'sqlite' ? `SQLite ${config.url}` : 'PostgreSQL'})`,
  );
  if (!env.CLAIMDESK_PUBLIC_URL)
    console.log('CLAIMDESK_PUBLIC_URL is not set: ClaimReview output carries no links to this installation');
  // After a parser upgrade, stored articles are re-parsed in the background while the server
  // answers (GET /api/health shows how far it is), one article per transaction.
  const started = Date.now();
  let lastReport = started;
  void reparseOutdatedArticles(db, ({ done, total }) => {
    if (done === total || Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      console.log(`parser upgraded: re-parsing stored articles in the background, ${done} of ${total}`);
    }
  })
    .then(
      (reparsed) => {
        if (reparsed > 0)
          console.log(
            `parser upgraded: re-parsed ${reparsed} stored articles in ${((Date.now() - started) / 1000).toFixed(1)} s (judged claims keep their verdicts)`,
          );
      },
      (error: unknown) => console.error(`claimdesk: the background re-parse stopped: ${String(error)}`),
    )
    // Claims stored before source entities existed get theirs (one article per transaction).
    .then(() => linkUnlinkedSources(db))
    .then(async (linked) => {
      if (linked) console.log(`source entities: linked the claims of ${linked} stored articles`);
      // Claims stored before search get their folded search text (and so into the index).
      const filled = await fillSearchText(db);
      if (filled) console.log(`search: indexed ${filled} stored claims`);
    })
    .then(
      () => {},
      (error: unknown) =>
        console.error(`claimdesk: linking claims to sources or indexing them for search stopped: ${String(error)}`),
    );
  await new Promise<void>(() => {});
  return 0;
}
