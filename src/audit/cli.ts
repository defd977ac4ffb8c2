// The `consent-gate` command (package.json "bin"); what it does is in command.ts.
import { main } from './command';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`consent-gate: the audit failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
