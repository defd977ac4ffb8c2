// Receipts as CSV (RFC 4180): one row each, the decision's categories and services as JSON cells.
import type { Receipt } from '../receipt';

const COLUMNS: [string, (r: Receipt) => unknown][] = [
  ['receipt_id', (r) => r.receiptId],
  ['received_at', (r) => r.receivedAt],
  ['consent_id', (r) => r.consent.id],
  ['revision', (r) => r.consent.revision],
  ['given_at', (r) => r.consent.givenAt],
  ['updated_at', (r) => r.consent.updatedAt],
  ['categories', (r) => JSON.stringify(r.consent.categories)],
  ['services', (r) => JSON.stringify(r.consent.services)],
  ['gpc_honoured', (r) => r.consent.gpc === true],
  ['page_url', (r) => r.pageUrl],
  ['language', (r) => r.language],
  ['gpc', (r) => r.gpc],
  ['user_agent', (r) => r.userAgent],
  ['texts_hash', (r) => r.texts.hash],
  ['texts_match', (r) => r.texts.match],
  ['claimed_algorithm', (r) => r.texts.claimedAlgorithm],
  ['claimed_hash', (r) => r.texts.claimedHash],
  ['ip', (r) => r.ip ?? ''],
];

/**
 * A cell: quoted when it holds a comma, quote or line break. A leading =, +, - or @ gets a quote
 * mark in front, so that a spreadsheet shows a page URL or user agent as text, never runs it.
 */
function cell(v: unknown): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = (): string => COLUMNS.map(([name]) => name).join(',');

export const csvLine = (r: Receipt): string => COLUMNS.map(([, get]) => cell(get(r))).join(',');
