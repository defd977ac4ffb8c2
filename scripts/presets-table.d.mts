/** Markdown table of every preset a module exports (see presets-table.mjs). */
export function presetsTable(mod: Record<string, unknown>): string;
