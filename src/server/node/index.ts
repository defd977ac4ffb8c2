/// <reference types="node" />
/**
 * consent-gate/server/node: what a Node server adds to `consent-gate/server`: the stores (the
 * embedded PGlite database, or PostgreSQL), a listener for `http.createServer`, and the package's
 * translation files.
 * @packageDocumentation
 */
export { openStore, pgliteStore, postgresStore, MissingPackageError } from './stores';
export type { OpenStoreOptions, OpenedStore } from './stores';
export { DataDirInUseError } from './lock';
export { nodeListener, toRequest, writeResponse } from './listener';
export type { NodeListenerOptions } from './listener';
export { translationFiles } from './translations';
