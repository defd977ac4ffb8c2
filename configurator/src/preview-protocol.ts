// What the configurator and its preview frame say to each other (postMessage).
import type { JsonConfig } from './model/config';

export interface PreviewRequest {
  type: 'render';
  /** Numbers the renders, so that a late answer to an older one is not taken for the newest. */
  seq: number;
  /** The config as it goes on the site, made unable to run anything (no required category): validated only. */
  check: JsonConfig;
  /** The config the preview runs: no service scripts, no consent log. */
  config: JsonConfig;
  /** The custom properties' stylesheet. */
  css: string;
  /** The preview page's <html lang>. */
  lang: string;
  /** A returning visitor (who declined all) instead of a first visit. */
  returning: boolean;
  /** Whether the browser sends a Global Privacy Control signal. */
  gpc: boolean;
  /** A sample held-back iframe, with the embeds add-on. */
  embed?: { category: string; service: string; label: string };
}

export type PreviewReply =
  | { type: 'ready' }
  | { type: 'rendered'; seq: number; error?: { name: string; message: string }; warnings: string[] }
  | { type: 'warning'; text: string };
