// Subresource Integrity for the files a page loads by tag (every dist/*.min.js and dist/*.css): the
// sha384 of each, printed and written to dist/sri.json, so that a site loading them from a CDN
// (https://cdn.jsdelivr.net/npm/consent-gate@<version>/dist/<file>) can pin exactly this build:
//   <script src="…/consent-gate.min.js" integrity="sha384-…" crossorigin="anonymous" defer></script>
// Runs last in `npm run build`, after the files it hashes are written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const DIST = new URL('../dist/', import.meta.url);

/** `sha384-<base64>` of a file's bytes, as the integrity attribute takes it. */
export function integrity(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}

const files = readdirSync(DIST)
  .filter((name) => name.endsWith('.min.js') || name.endsWith('.css'))
  .sort();
const hashes = Object.fromEntries(files.map((name) => [name, integrity(readFileSync(new URL(name, DIST)))]));
writeFileSync(new URL('sri.json', DIST), JSON.stringify(hashes, null, 2) + '\n');

const width = Math.max(...files.map((name) => name.length));
console.log('sri: dist/sri.json (integrity="…" for a CDN tag)');
for (const name of files) console.log(`  ${name.padEnd(width)}  ${hashes[name]}`);
