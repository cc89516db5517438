// Usage texts live apart from the commands so that `--help` loads no database or API code.

export const parseUsage = `claimdesk parse [--json] [--out DIR] FILE|FOLDER...
  Parses articles and prints the claim-format JSON (docs: ../shared/docs/claim-format.md).
  --json      print one JSON array, one element per file (the default)
  --out DIR   write DIR/NAME.json per input instead of printing`;

export const importUsage = `claimdesk import [--concurrency N] [--map FIELD=COLUMN,...] [--url URL] PATH|URL...
  Parses and stores the articles of each file (files, or folders of them), by extension: .txt
  (the header format), .html/.htm (a web page: main text, headline, byline, date, canonical URL),
  .json (a record or an array), .ndjson/.jsonl (a record a line) and .csv (a record a row), with
  records {text|html, title?, url?, outlet?, publishedOn?, byline?}. One line per article, then a
  summary; exits 1 if any failed (the others still land). The same text twice is stored once.
  An http(s) URL is fetched (15 s, at most 4 bytes a character of CLAIMDESK_MAX_ARTICLE_CHARS, no
  redirects, public addresses only unless listed in CLAIMDESK_WEBHOOK_ALLOW).
  Interrupted (Ctrl-C, kill -9), it can be run again: every article is stored whole or not at all,
  and what is stored already is reported as such.
  --concurrency N  files at once (default 1, at most 64); parsing is spread over the cores
  --map       CSV columns of the fields, e.g. text=articles,publishedOn=published (Kaggle exports)
  --url URL   where the article was originally published (one file only): ClaimReview's appearance`;

export const articlesUsage = `claimdesk articles delete ID|FILE --yes
  Deletes a stored article (by id, or by a file with the same text) with its claims and their
  verdicts; API consumers get the claims as removed in v1 sync, and the audit log records it.
  Without --yes it only says what would be deleted.`;

export const correctionsUsage = `claimdesk corrections export --out DIR
  Writes every article with at least one editor's correction as DIR/NAME.txt (the raw text) and
  DIR/NAME.json (claim-format: the parser's reading with the corrections applied, rejected claims
  left out, added ones in), so that \`npm run eval -- --gold DIR --articles DIR\` scores the parser on them.`;

export const dbUsage = `claimdesk db migrate
  Applies pending migrations to the database named by DATABASE_URL (default: SQLite file data/claimdesk.db).`;

export const serveUsage = `claimdesk serve [--port N]
  Migrates the database, loads the sample article into an empty one, and serves the API and the
  app on http://localhost:PORT (default 3000).`;

export const usersUsage = `claimdesk users create --email EMAIL --role admin|editor|viewer [--name NAME] [--password PW | --password-stdin]
  Creates an account. Without a password, a random one is generated and printed once; without a
  name, the part of the e-mail before the @ is its display name.
claimdesk users list [--json]
claimdesk users set-role EMAIL|ID admin|editor|viewer
claimdesk users set-name EMAIL|ID NAME   (the display name shown in history, CSV and webhooks)
claimdesk users set-password EMAIL|ID [--password-stdin]
  Without --password-stdin, prints a one-time password once, to be changed at the next sign-in.
  Ends every session of the account. Common and easily guessed passwords are refused.
claimdesk users disable EMAIL|ID        (signs them out everywhere; \`users enable\` undoes it)
  The last active admin can be neither demoted nor disabled.`;

export const keysUsage = `claimdesk keys create --name NAME
  Creates a read-only API key for a consumer and prints it once (only its hash is stored).
  Consumers send it as \`Authorization: Bearer <key>\`.
claimdesk keys list [--json]
claimdesk keys revoke ID|PREFIX`;

export const referenceUsage = `claimdesk reference import --format general-staff FILE.json...
claimdesk reference import --format csv --name NAME --url URL [--publisher P] [--licence L]
                           [--cumulative-from YYYY-MM-DD] [--columns date=Day,value=Count,...] FILE.csv...
  Stores a reference series to check figures against, all files of one dataset in one
  transaction: any bad row is reported with its file and line and nothing is stored. Importing
  the same data again changes nothing; changed values are updated. CSV columns:
  date,category,subject,value[,qualifier] with the parser's category, side and qualifier names.`;
