// The consent-gate-server command, built, in its own process: help and usage errors, serve with its
// routes and admin token, find, export, purge, the embedded database's lock, and what it says when
// a database package is missing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePostgres, freshDataDir, freshPostgres } from './support/databases';
import { needBuild, run, serve } from './support/cli';
import { CONFIG, ORIGIN, ROOT, decision, postedBody } from './support/receipts';

const work = mkdtempSync(path.join(tmpdir(), 'consent-gate-cli-'));
const configFile = path.join(work, 'site.json');
// As JSON: a RegExp cookie pattern written the way JSON configs write it.
const asJson = (config: object) => JSON.stringify(config, (_, v) => (v instanceof RegExp ? String(v) : v));
beforeAll(() => {
  needBuild();
  writeFileSync(configFile, asJson(CONFIG));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const postTo = async (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/consent`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  });
const lines = (out: string) =>
  out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('help and usage', () => {
  it('--help for the command and for each command', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    for (const c of ['serve', 'find', 'export', 'purge']) expect(main.stdout).toContain(`  ${c} `);
    for (const [c, flag] of [
      ['serve', '--database-url URL'],
      ['find', '--with-texts'],
      ['export', '--format jsonl|csv'],
      ['purge', '--older-than DAYS'],
    ]) {
      const help = await run([c, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`consent-gate-server ${c} `);
      expect(help.stdout).toContain(flag);
    }
  });

  it('bad calls: one clear line and exit code 2', async () => {
    const cases: [string[], string][] = [
      [[], 'consent-gate-server <command> [options]'],
      [['frob'], 'unknown command "frob" (see consent-gate-server --help)'],
      [['serve', '--prot', '1'], "Unknown option '--prot' (see consent-gate-server serve --help)"],
      [['serve'], 'serve needs --config FILE'],
      [['serve', '--config', configFile, '--port', 'http'], '--port must be a port number (got http)'],
      [['find'], 'missing argument: find <consent-id>'],
      [['find', 'a1b2c3d4', 'extra'], 'unexpected argument "extra"'],
      [['export', '--format', 'xml'], '--format must be jsonl or csv (got xml)'],
      [['export', '--since', 'last week'], '--since must be a date like 2026-01-01 (got last week)'],
      [['purge'], 'purge needs --older-than <days>'],
      [['purge', '--older-than', 'three'], '--older-than must be a number of days (got three)'],
      [['purge', '--older-than=-3'], '--older-than must be a number of days (got -3)'],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, { cwd: work });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stdout + r.stderr).toContain(message);
    }
  });

  it('a broken config or a translation the server cannot have: exit code 1, naming it', async () => {
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{"categories": {"a": {"label": 1}}}');
    let r = await run(['serve', '--config', broken], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--config ${broken}: categories.a.label must be a string (got number)`);
    const own = path.join(work, 'own-translation.json');
    writeFileSync(own, asJson({ ...CONFIG, translations: { fr: '/static/french.json' } }));
    r = await run(['serve', '--config', own], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('translations.fr (/static/french.json): the server needs this file');
  });
});

describe('serve, find, export and purge, embedded', () => {
  const dataDir = path.join(work, 'data');
  beforeAll(() => freshDataDir(dataDir), 60_000);

  it('serves the endpoint, the health check and, for the admin token only, the receipts', async () => {
    const server = await serve(['--config', configFile, '--data-dir', dataDir], {
      env: { CONSENT_GATE_ADMIN_TOKEN: 's3cret-token' },
    });
    let consent;
    try {
      expect(server.output()).toContain(`receipts in the embedded database at ${dataDir}`);
      consent = decision();
      const res = await postTo(server.url, await postedBody(consent), { origin: server.url });
      expect(res.status).toBe(204);
      expect(res.headers.get('set-cookie')).toMatch(
        /^cg_consent=.*; Max-Age=17280000; Path=\/; SameSite=Lax$/,
      );
      expect((await postTo(server.url, await postedBody(decision()))).status).toBe(403);

      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', store: 'embedded' });
      const at = `${server.url}/consent/${consent.id}`;
      expect((await fetch(at)).status).toBe(401);
      expect((await fetch(at, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(at, { headers: { authorization: 'Bearer s3cret-token' } });
      expect(ok.status).toBe(200);
      const proof = await ok.json();
      expect(proof.receipts.map((r: { consent: unknown }) => r.consent)).toEqual([consent]);
      expect(JSON.parse(proof.texts[proof.receipts[0].texts.hash].shown)[0].banner.title).toBe(
        'We use cookies',
      );
      const none = await fetch(`${server.url}/consent/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: 'Bearer s3cret-token' },
      });
      expect(none.status).toBe(404);
      expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);

      // The embedded database is this process's while it runs.
      const busy = await run(['find', consent.id, '--data-dir', dataDir]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/is in use by process \d+ .*GET \/consent\/<id> with the admin token/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain('consent-gate-server: stopped');

    const found = await run(['find', consent.id, '--data-dir', dataDir]);
    expect(found.code).toBe(0);
    expect(lines(found.stdout).map((r) => r.consent)).toEqual([consent]);
    const withTexts = lines((await run(['find', consent.id, '--with-texts', '--data-dir', dataDir])).stdout);
    expect(JSON.parse(withTexts[0].texts.shown)[0].banner.title).toBe('We use cookies');
    const missing = await run(['find', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no receipt of 00000000-0000-4000-8000-000000000000');
  });

  it('without the admin token, receipts cannot be read over HTTP at all', async () => {
    const server = await serve(['--config', configFile, '--data-dir', dataDir]);
    try {
      expect(server.output()).toContain('no CONSENT_GATE_ADMIN_TOKEN');
      const res = await fetch(`${server.url}/consent/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: 'Bearer anything' },
      });
      expect(res.status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('exports JSON lines and CSV, from a date on, and purges', async () => {
    const jsonl = await run(['export', '--data-dir', dataDir]);
    expect(jsonl.code).toBe(0);
    const all = lines(jsonl.stdout);
    expect(all.length).toBeGreaterThan(0);
    const csv = await run(['export', '--format', 'csv', '--data-dir', dataDir]);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe(
      'receipt_id,received_at,consent_id,revision,given_at,updated_at,categories,services,gpc_honoured,page_url,language,gpc,user_agent,texts_hash,texts_match,claimed_algorithm,claimed_hash,ip',
    );
    expect(rows).toHaveLength(all.length + 1);
    expect(rows[1]).toContain(`,"{""necessary"":true,""analytics"":true,""marketing"":false}",`);
    const later = await run(['export', '--since', '2999-01-01', '--data-dir', dataDir]);
    expect(later.stdout).toBe('');
    const file = path.join(work, 'out.jsonl');
    expect((await run(['export', '--output', file, '--data-dir', dataDir])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(jsonl.stdout);

    const kept = await run(['purge', '--older-than', '30', '--data-dir', dataDir]);
    expect(kept.stdout).toMatch(/deleted 0 receipt\(s\) received before/);
    const purged = await run(['purge', '--older-than', '0', '--data-dir', dataDir]);
    expect(purged.code).toBe(0);
    expect(purged.stdout).toContain(`deleted ${all.length} receipt(s)`);
    expect((await run(['export', '--data-dir', dataDir])).stdout).toBe('');
  });
});

describePostgres('serve and find with --database-url', () => {
  it('stores in PostgreSQL and reads back', async () => {
    const database = await freshPostgres();
    try {
      const server = await serve([
        '--config',
        configFile,
        '--database-url',
        database.url,
        '--origin',
        ORIGIN,
      ]);
      const consent = decision();
      try {
        expect(server.output()).toContain('receipts in PostgreSQL at 127.0.0.1:');
        expect((await postTo(server.url, await postedBody(consent))).status).toBe(204);
        expect(await (await fetch(`${server.url}/health`)).json()).toEqual({
          status: 'ok',
          store: 'postgres',
        });
        // PostgreSQL is shared: the command reads while the server runs.
        const found = await run(['find', consent.id], { env: { DATABASE_URL: database.url } });
        expect(found.code).toBe(0);
        expect(lines(found.stdout).map((r) => r.consent)).toEqual([consent]);
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  });
});

describe('a database package that is not installed', () => {
  it('says what to install', async () => {
    // The package as a site that installed only consent-gate has it: no PGlite, no pg.
    const site = path.join(work, 'site');
    const pkg = path.join(site, 'node_modules', 'consent-gate');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(pkg, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules', 'js-cookie'), path.join(site, 'node_modules', 'js-cookie'));
    const cli = path.join(pkg, 'dist', 'consent-gate.server-cli.mjs');
    const embedded = await run(['serve', '--config', configFile, '--data-dir', path.join(site, 'data')], {
      cli,
      cwd: site,
    });
    expect(embedded.code).toBe(1);
    expect(embedded.stderr).toContain(
      'The embedded receipt store needs the package @electric-sql/pglite: npm install @electric-sql/pglite@0.5',
    );
    const postgres = await run(['find', 'a1b2c3d4', '--database-url', 'postgres://nobody@127.0.0.1:1/none'], {
      cli,
      cwd: site,
    });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toContain('The PostgreSQL receipt store needs the package pg: npm install pg@8');
  });
});
