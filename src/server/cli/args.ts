/// <reference types="node" />
// Command-line flags: each command declares its own, with help text; anything else is a usage error
// (exit code 2) that says what was wrong and where the help is.
import { parseArgs } from 'node:util';

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Flag {
  type: 'string' | 'boolean';
  /** Shown in the help, e.g. `DIR`. */
  value?: string;
  help: string;
  multiple?: boolean;
  /** The environment variable read when the flag is not given. */
  env?: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, Flag>;
  /** What the help says after the flags (examples, notes). */
  notes?: string;
  /** Positional arguments: how many at least and at most. */
  positionals?: [min: number, max: number];
}

export const HELP_FLAG: Flag = { type: 'boolean', help: 'Show this help.' };

/** The help text of a command. */
export function helpOf(program: string, c: Command): string {
  const flags = Object.entries({ ...c.flags, help: HELP_FLAG }).map(([name, f]) => {
    const left = `  --${name}${f.value ? ' ' + f.value : ''}`;
    const env = f.env ? ` (env ${f.env})` : '';
    return `${left.padEnd(30)} ${f.help}${env}`;
  });
  return [
    `${program} ${c.usage}`,
    '',
    c.summary,
    '',
    'Options:',
    ...flags,
    ...(c.notes ? ['', c.notes] : []),
    '',
  ].join('\n');
}

export interface Parsed {
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

/** The flags of one command; throws UsageError on an unknown flag, a missing value, extra arguments. */
export function parse(c: Command, argv: string[], env: NodeJS.ProcessEnv): Parsed {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries({ ...c.flags, help: HELP_FLAG }).map(([name, f]) => [
          name,
          { type: f.type, multiple: f.multiple === true },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // Node's messages name the flag ("Unknown option '--prot'"); ours add where to look.
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
  const values = { ...parsed.values } as Parsed['values'];
  if (values.help) return { values, positionals: parsed.positionals, help: true };
  for (const [name, f] of Object.entries(c.flags)) {
    const fromEnv = f.env && env[f.env];
    if (values[name] === undefined && fromEnv)
      values[name] = f.multiple ? fromEnv.split(/[\s,]+/).filter(Boolean) : fromEnv;
  }
  const [min, max] = c.positionals ?? [0, 0];
  if (parsed.positionals.length < min) throw new UsageError(`missing argument: ${c.usage}`);
  if (parsed.positionals.length > max)
    throw new UsageError(`unexpected argument "${parsed.positionals[max]}": ${c.usage}`);
  return { values, positionals: parsed.positionals, help: false };
}
