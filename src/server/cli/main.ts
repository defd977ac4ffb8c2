/// <reference types="node" />
// consent-gate-server: the consent endpoint as a ready server, and the commands that read and purge
// its receipts. Exit codes: 0 done, 1 failed (the message says why), 2 called wrongly.
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConsentHandler } from '../handler';
import type { Config } from '../../types';
import { settingsOf } from '../settings';
import { nodeListener } from '../node/listener';
import { openStore, type OpenedStore } from '../node/stores';
import { translationFiles } from '../node/translations';
import { createApp, proofOf } from './app';
import { helpOf, parse, UsageError, type Command, type Flag, type Parsed } from './args';
import { csvHeader, csvLine } from './csv';

const PROGRAM = 'consent-gate-server';

const STORE_FLAGS: Record<string, Flag> = {
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: 'The embedded database (made on first use). Default ./consent-data.',
    env: 'CONSENT_GATE_DATA_DIR',
  },
  'database-url': {
    type: 'string',
    value: 'URL',
    help: 'PostgreSQL instead: postgres://user:password@host:5432/db.',
    env: 'DATABASE_URL',
  },
};

const COMMANDS: Record<string, Command> = {
  serve: {
    name: 'serve',
    usage: 'serve --config FILE [--port 8787] [--data-dir DIR | --database-url URL] [options]',
    summary:
      'Runs the consent endpoint (POST /consent), GET /consent/<id> for the admin token and GET /health.',
    flags: {
      config: {
        type: 'string',
        value: 'FILE',
        help: "The site's config: JSON, or a .js/.mjs module exporting it (default).",
        env: 'CONSENT_GATE_CONFIG',
      },
      port: {
        type: 'string',
        value: 'N',
        help: 'Port to listen on. Default 8787 (0: any free port).',
        env: 'PORT',
      },
      host: {
        type: 'string',
        value: 'ADDRESS',
        help: 'Address to listen on. Default 127.0.0.1 (behind a reverse proxy).',
        env: 'HOST',
      },
      ...STORE_FLAGS,
      origin: {
        type: 'string',
        value: 'ORIGIN',
        multiple: true,
        help: 'An origin whose pages may post, e.g. https://example.com (repeat it). Default: the Host the request names.',
        env: 'CONSENT_GATE_ORIGINS',
      },
      path: { type: 'string', value: 'PATH', help: 'Where the endpoint is. Default /consent.' },
      translations: {
        type: 'string',
        value: 'DIR',
        help: "Folder with <code>.json for each translation the config gives as a URL (default: the package's).",
      },
      'trust-proxy': {
        type: 'boolean',
        help: 'Take scheme, host and client address from X-Forwarded-* (only behind a proxy that sets them).',
      },
      'keep-ip': {
        type: 'boolean',
        help: "Keep the client's address in receipts, truncated (IPv4 /24, IPv6 /48).",
      },
    },
    notes: [
      'Environment: CONSENT_GATE_ADMIN_TOKEN lets GET /consent/<id> answer with',
      '"Authorization: Bearer <token>"; without it, receipts cannot be read over HTTP at all.',
      'SIGTERM or SIGINT: stops taking requests, writes what is pending, exits.',
    ].join('\n'),
  },
  find: {
    name: 'find',
    usage: 'find <consent-id> [--data-dir DIR | --database-url URL]',
    summary: 'Prints every receipt of one decision id, as JSON lines, oldest first (exit code 1 if none).',
    positionals: [1, 1],
    flags: {
      ...STORE_FLAGS,
      'with-texts': {
        type: 'boolean',
        help: 'Add the texts the visitor was shown (texts.shown) to each line.',
      },
    },
  },
  export: {
    name: 'export',
    usage:
      'export [--since 2026-01-01] [--format jsonl|csv] [--output FILE] [--data-dir DIR | --database-url URL]',
    summary: 'Prints receipts, oldest first: JSON lines (one receipt each) or CSV (one row each).',
    flags: {
      since: {
        type: 'string',
        value: 'DATE',
        help: 'Only receipts received at or after this date (ISO 8601).',
      },
      format: { type: 'string', value: 'jsonl|csv', help: 'Default jsonl.' },
      output: { type: 'string', value: 'FILE', help: 'Write to this file instead of standard output.' },
      ...STORE_FLAGS,
    },
  },
  purge: {
    name: 'purge',
    usage: 'purge --older-than <days> [--data-dir DIR | --database-url URL]',
    summary:
      'Deletes receipts received more than <days> days ago, and the texts versions no receipt needs any more.',
    flags: {
      'older-than': {
        type: 'string',
        value: 'DAYS',
        help: 'Age in days (required), e.g. 1095 for three years.',
      },
      ...STORE_FLAGS,
    },
  },
};

const MAIN_HELP = [
  `${PROGRAM} <command> [options]`,
  '',
  "consent-gate's server half: the consent endpoint, and the receipts it keeps.",
  '',
  'Commands:',
  ...Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
  '',
  `Run "${PROGRAM} <command> --help" for its options.`,
  '',
].join('\n');

/** Thrown for what went wrong at run time: printed as it is, exit code 1. */
class Failure extends Error {}

const str = (v: Parsed['values'][string]) => (typeof v == 'string' ? v : undefined);

async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) throw new UsageError('serve needs --config FILE (the config your pages give init)');
  const full = path.resolve(file);
  let config: unknown;
  try {
    config = /\.[cm]?js$/.test(full)
      ? ((await import(pathToFileURL(full).href)) as { default?: unknown }).default
      : JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    throw new Failure(`--config ${file}: ${(e as Error).message}`);
  }
  try {
    settingsOf(config as Config);
  } catch (e) {
    throw new Failure(`--config ${file}: ${(e as Error).message}`);
  }
  return config as Config;
}

async function store(values: Parsed['values']): Promise<OpenedStore> {
  try {
    return await openStore({ dataDir: str(values['data-dir']), databaseUrl: str(values['database-url']) });
  } catch (e) {
    throw new Failure((e as Error).message);
  }
}

/** Writes a line, waiting when the output is full (a pipe into `head`, a slow disk). */
function writer(out: NodeJS.WritableStream) {
  return (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(line + '\n')) resolve();
      else {
        out.once('drain', resolve);
        out.once('error', reject);
      }
    });
}

async function serve(values: Parsed['values'], env: NodeJS.ProcessEnv): Promise<void> {
  const config = await loadConfig(str(values.config));
  const portText = str(values.port) ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port must be a port number (got ${portText})`);
  const endpointPath = str(values.path) ?? '/consent';
  if (!/^\/[\w\-./]*$/.test(endpointPath)) throw new UsageError(`--path must be a path like /consent`);
  let translations;
  let endpoint;
  try {
    translations = translationFiles(config, str(values.translations));
  } catch (e) {
    throw new Failure((e as Error).message);
  }
  const receipts = await store(values);
  try {
    endpoint = createConsentHandler({
      config,
      store: receipts,
      translations,
      origins: values.origin as string[] | undefined,
      ip: values['keep-ip'] ? 'truncated' : undefined,
    });
  } catch (e) {
    await receipts.close();
    throw new Failure((e as Error).message);
  }
  const app = createApp({
    endpoint,
    store: receipts,
    path: endpointPath,
    adminToken: env.CONSENT_GATE_ADMIN_TOKEN || undefined,
    storeKind: receipts.kind,
  });
  const server = createServer(
    // A body has 10 s (the handler's limit); a request as a whole, headers included, 15 s.
    // Node checks those limits every connectionsCheckingInterval (30 s by default): every 2 s here.
    {
      requestTimeout: 15_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 2_000,
    },
    nodeListener(app, { trustProxy: values['trust-proxy'] === true }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new Failure(`cannot listen on port ${port}: ${e.message}`)));
    server.listen(port, str(values.host) ?? '127.0.0.1', resolve);
  }).catch(async (e) => {
    await receipts.close();
    throw e;
  });
  const address = server.address() as { address: string; port: number };
  const shown = address.address.includes(':') ? `[${address.address}]` : address.address;
  // The "listening" line comes last: whatever waits for it (a supervisor, a test) has read the rest.
  if (!env.CONSENT_GATE_ADMIN_TOKEN)
    console.log(`${PROGRAM}: no CONSENT_GATE_ADMIN_TOKEN: receipts cannot be read over HTTP`);
  console.log(
    `${PROGRAM}: listening on http://${shown}:${address.port} (POST ${endpointPath}); receipts in ` +
      `${receipts.kind == 'embedded' ? 'the embedded database at' : 'PostgreSQL at'} ${receipts.where}`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      // Requests in flight finish; what they stored is committed before the database closes.
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await receipts.close();
  console.log(`${PROGRAM}: stopped`);
}

async function find(parsed: Parsed): Promise<number> {
  const receipts = await store(parsed.values);
  try {
    const proof = await proofOf(receipts, parsed.positionals[0]);
    const out = writer(process.stdout);
    for (const r of proof.receipts) {
      const line = parsed.values['with-texts']
        ? { ...r, texts: { ...r.texts, shown: proof.texts[r.texts.hash]?.shown } }
        : r;
      await out(JSON.stringify(line));
    }
    if (!proof.receipts.length) console.error(`${PROGRAM}: no receipt of ${parsed.positionals[0]}`);
    return proof.receipts.length ? 0 : 1;
  } finally {
    await receipts.close();
  }
}

async function exportReceipts(values: Parsed['values']): Promise<void> {
  const format = str(values.format) ?? 'jsonl';
  if (format != 'jsonl' && format != 'csv')
    throw new UsageError(`--format must be jsonl or csv (got ${format})`);
  const sinceText = str(values.since);
  const since = sinceText === undefined ? undefined : new Date(sinceText);
  if (since && isNaN(+since))
    throw new UsageError(`--since must be a date like 2026-01-01 (got ${sinceText})`);
  const receipts = await store(values);
  const file = str(values.output);
  const stream = file ? createWriteStream(file) : process.stdout;
  const out = writer(stream);
  try {
    if (format == 'csv') await out(csvHeader());
    for await (const r of receipts.each({ since }))
      await out(format == 'csv' ? csvLine(r) : JSON.stringify(r));
  } finally {
    await receipts.close();
    if (file) await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}

async function purge(values: Parsed['values']): Promise<void> {
  const daysText = str(values['older-than']);
  if (daysText === undefined) throw new UsageError('purge needs --older-than <days>');
  const days = Number(daysText);
  if (!/^\d+(\.\d+)?$/.test(daysText))
    throw new UsageError(`--older-than must be a number of days (got ${daysText})`);
  const before = new Date(Date.now() - days * 864e5);
  const receipts = await store(values);
  try {
    const gone = await receipts.purge(before);
    console.log(
      `${PROGRAM}: deleted ${gone.receipts} receipt(s) received before ${before.toISOString()} and ` +
        `${gone.texts} texts version(s) no receipt needs`,
    );
  } finally {
    await receipts.close();
  }
}

/** Runs the command line; resolves with the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name == '--help' || name == '-h' || name == 'help') {
    process.stdout.write(MAIN_HELP);
    return name ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const parsed = parse(command, rest, env);
    if (parsed.help) {
      process.stdout.write(helpOf(PROGRAM, command));
      return 0;
    }
    if (name == 'serve') await serve(parsed.values, env);
    if (name == 'find') return await find(parsed);
    if (name == 'export') await exportReceipts(parsed.values);
    if (name == 'purge') await purge(parsed.values);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      const where = command ? `${PROGRAM} ${command.name} --help` : `${PROGRAM} --help`;
      console.error(`${PROGRAM}: ${e.message} (see ${where})`);
      return 2;
    }
    console.error(`${PROGRAM}: ${e instanceof Failure ? e.message : (e as Error).stack || e}`);
    return 1;
  }
}
