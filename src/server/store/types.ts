// What the consent endpoint and the command need from a database. The SQL store (./sql.ts) is one
// implementation, over PGlite or PostgreSQL; a site can bring its own.
import type { Receipt } from '../receipt';
import type { TextsVersion } from '../texts';

/** Where receipts are kept. */
export interface ReceiptStore {
  /**
   * Stores a receipt and, the first time its hash is seen, its texts version. Resolves once both are
   * durable (committed): the endpoint acknowledges only then. Rejects when they could not be stored.
   */
  add(receipt: Receipt, texts: TextsVersion): Promise<void>;
  /** Every receipt of one decision id, oldest first. */
  find(consentId: string): Promise<Receipt[]>;
  /** Every receipt (received at or after `since`, when given), oldest first, read page by page. */
  each(options?: { since?: Date }): AsyncIterable<Receipt>;
  /** A texts version by its hash, or null. */
  texts(hash: string): Promise<TextsVersion | null>;
  /**
   * Deletes the receipts received before `before`, and the texts versions no receipt needs any more.
   * Resolves with how many of each went.
   */
  purge(before: Date): Promise<{ receipts: number; texts: number }>;
  /** Rejects when the database does not answer. */
  check(): Promise<void>;
  /** Writes what is pending and takes no more receipts (stores that opened their database close it). */
  close(): Promise<void>;
}
