/// <reference types="node" />
// The `consent-gate-server` command.
import { main } from './main';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
