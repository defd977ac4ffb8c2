/**
 * consent-gate/server: the decision read on the server by the browser's own rules, the cookie set
 * from the server, and the consent endpoint that keeps receipts. For Node 20+ and any runtime with
 * the Fetch API's Request and Response (Deno, Bun, edge functions); nothing here touches the DOM.
 * @packageDocumentation
 */
export { readConsent, isAccepted, hasGpc } from './read';
export { consentCookie } from './cookie';
export { createConsentHandler } from './handler';
export type { ConsentHandler, ConsentHandlerOptions, RequestInfo } from './handler';
export type { HeaderSource } from './headers';
export type { Receipt } from './receipt';
export type { TextsVersion } from './texts';
export { textsShown } from './texts';
export type { ReceiptStore } from './store/types';
export { sqlStore } from './store/sql';
export type { SqlStoreOptions } from './store/sql';
export { poolDatabase } from './store/sql-types';
export type { PoolLike, SqlClient, SqlDatabase } from './store/sql-types';
export { ConsentGateConfigError } from '../config/error';
export type { Config, Consent } from '../types';
