// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a temporary folder, its own
// port on 127.0.0.1, stopped and deleted at the end. PostgreSQL refuses to run as root, so as root
// the cluster runs as the `postgres` user that Debian's package creates (runuser), in a folder that
// user owns.
//
//   import { startCluster, findPostgres } from './pg-cluster.mjs'
//   const cluster = await startCluster();   // { url, stop() }
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of initdb and pg_ctl (PG_BIN, or Debian's newest /usr/lib/postgresql/N/bin), or why none. */
export function findPostgres() {
  if (process.env.PG_BIN)
    return existsSync(path.join(process.env.PG_BIN, 'initdb'))
      ? { bin: process.env.PG_BIN }
      : { problem: `PG_BIN=${process.env.PG_BIN} holds no initdb` };
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return { bin: path.join(root, versions[0], 'bin') };
  return { problem: `no PostgreSQL found (looked in ${root}/*/bin and PG_BIN)` };
}

export const HOW_TO_INSTALL =
  'install it with `apt-get install postgresql` or point PG_BIN at its bin folder';

/** A port no one listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; resolves with its URL and a stop() that stops it and deletes its folder.
 * `options.settings` are extra server settings (name → value), passed with -c.
 */
export async function startCluster(options = {}) {
  const found = findPostgres();
  if (!found.bin) throw new Error(`${found.problem}; ${HOW_TO_INSTALL}`);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-pg-'));
  let user = 'postgres';
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0)
      throw new Error("running as root, PostgreSQL needs the `postgres` user (Debian's package makes it)");
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  } else {
    user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
  }
  const run = (tool, args) => {
    const file = path.join(found.bin, tool);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    return execFileSync(cmd, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const data = path.join(dir, 'data');
  const fail = (what, e) => {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${what} failed: ${e.stderr || e.message}`);
  };
  try {
    // --no-sync: the throwaway cluster's own files need not survive a power cut; its commits still
    // wait for the disk (fsync stays on), as in production.
    run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (e) {
    fail('initdb', e);
  }
  const settings = { listen_addresses: '127.0.0.1', max_connections: '60', ...options.settings };
  let port;
  let lastError;
  // The port is free when picked; another process may take it before PostgreSQL does: pick again.
  for (let attempt = 0; attempt < 3 && !port; attempt++) {
    const candidate = await freePort();
    const flags = [
      `-p ${candidate}`,
      `-k ${dir}`,
      ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ');
    try {
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', flags, '-w', '-t', '30', 'start']);
      port = candidate;
    } catch (e) {
      lastError = e;
    }
  }
  if (!port) fail('pg_ctl start', lastError);
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
