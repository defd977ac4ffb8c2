// `consent-gate audit`: what the command does. Exit code 0 with no findings, 1 with findings, 2 when the audit
// could not be done (bad options, no playwright-core, no Chromium, a page that could not be loaded).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from './args';
import { runAudit, toolVersion } from './audit';
import { AuditSetupError } from './browser';
import { PHASE_TITLES } from './report-text';
import { htmlReport } from './report-html';
import { textReport } from './report-text';
import type { AuditReport, Progress } from './types';

/** The JSON report: everything but the screenshots, which only the HTML report embeds. */
export function jsonReport(report: AuditReport): string {
  const pages = report.pages.map((p) => ({
    ...p,
    phases: p.phases.map(({ screenshot: _s, ...rest }) => rest),
  }));
  return JSON.stringify({ ...report, pages }, null, 2) + '\n';
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}

/** One line that rewrites itself on a terminal, plain lines elsewhere (a CI log). */
function progressPrinter(stream: NodeJS.WriteStream): { show(p: Progress): void; done(): void } {
  let last = '';
  return {
    show(p) {
      const counts = p.elapsed
        ? ` ${p.elapsed.toFixed(1)} s, ${p.requests} request${p.requests === 1 ? '' : 's'}`
        : '';
      const line = `[${p.page}/${p.pages}] ${p.url} · ${PHASE_TITLES[p.phase]}: ${p.step}${counts}`;
      if (stream.isTTY) {
        const width = stream.columns || 100;
        stream.write(`\r${line.slice(0, width - 1).padEnd(Math.min(last.length, width - 1))}`);
        last = line;
      } else if (!counts) {
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (stream.isTTY && last)
        stream.write(`\r${' '.repeat(Math.min(last.length, (stream.columns || 100) - 1))}\r`);
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (command.kind === 'error') {
    process.stderr.write(`consent-gate: ${command.message}\n`);
    return 2;
  }
  const progress = progressPrinter(process.stderr);
  let report: AuditReport;
  try {
    report = await runAudit({ ...command.options, onProgress: (p) => progress.show(p) });
  } catch (error) {
    progress.done();
    if (error instanceof AuditSetupError) {
      process.stderr.write(`consent-gate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.done();
  if (command.json) write(command.json, jsonReport(report));
  if (command.html) write(command.html, htmlReport(report));
  process.stdout.write(textReport(report, { json: command.json, html: command.html }));
  if (report.verdict === 'error') return 2;
  return report.verdict === 'fail' ? 1 : 0;
}
