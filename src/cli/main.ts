/**
 * `desk-record`: the desk record outside Excel, on the same core as the add-in.
 *   template [--sample] [--force] OUT.xlsx   a workbook holding the desk tables
 *   audit [--as-of DATE] [--json] [--html REPORT.html] PATH...   every workbook's health and the desk's queue
 * Exit codes: 0 done (audit: every workbook ok), 1 refused or some workbook not ok, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { wallClockAsUtc } from '../core';
import { auditPaths, type AuditClock, type AuditProgress } from './audit/audit';
import { htmlReport } from './audit/report-html';
import { jsonReport } from './audit/report-json';
import { textReport } from './audit/report-text';
import { writeTemplate } from './template/write-template';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
  readonly progress?: () => AuditProgress | undefined;
}

const USAGE = 2;

class Usage extends Error {}

/** --as-of: a real calendar day, yyyy-mm-dd. */
export function parseAsOf(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.toISOString().slice(0, 10) !== text.trim())
    throw new Usage(`--as-of: '${text}' is not a date; give yyyy-mm-dd, e.g. 2026-12-01`);
  return text.trim();
}

/** As-of given: statuses at the start of that day, as =DESK.NOTE_STATUS(…, "2026-12-01") reads it. */
function clockOf(asOf: string | undefined, now: Date): AuditClock {
  const wall = wallClockAsUtc(now);
  if (asOf === undefined) return { asOf: wall.toISOString().slice(0, 10), now: wall };
  return { asOf, now: new Date(`${asOf}T00:00:00.000Z`) };
}

function program(io: CliIo, done: (code: number) => void): Command {
  const cli = new Command('desk-record')
    .description(
      'Metals Desk Record outside Excel: a template workbook, and a desk-wide audit of .xlsx files.',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(desk-record --help lists the commands)');
  cli
    .command('template')
    .description(
      'write a workbook holding the desk tables (headers, formats, validation lists, the live Status now formula, DESK_SCHEMA_VERSION)',
    )
    .argument('<out>', 'the .xlsx file to write')
    .option('--sample', 'add the sample reviews (the pane’s Insert sample data)')
    .option('--force', 'replace OUT if it exists')
    .action(async (out: string, o: { sample?: boolean; force?: boolean }) => {
      if (!out.toLowerCase().endsWith('.xlsx'))
        throw new Usage(`OUT must end in .xlsx (got '${out}')`);
      const r = await writeTemplate(out, { sample: o.sample === true, force: o.force === true });
      (r.ok ? io.out : io.err)(`${r.message}\n`);
      done(r.ok ? 0 : 1);
    });
  cli
    .command('audit')
    .description(
      'audit .xlsx files and folders (recursively), read-only: schema version, tables, rows that break the schema, the review queue, Record IDs in several workbooks',
    )
    .argument('<paths...>', '.xlsx files or folders')
    .addOption(
      new Option('--as-of <date>', 'the day the queue is judged on, yyyy-mm-dd (default: today)'),
    )
    .option('--json', 'print the report as JSON (the shape in the README) instead of the table')
    .option('--html <file>', 'also write the report as a self-contained HTML page')
    .action(async (paths: string[], o: { asOf?: string; json?: boolean; html?: string }) => {
      const clock = clockOf(o.asOf === undefined ? undefined : parseAsOf(o.asOf), io.now());
      if (o.html !== undefined && paths.some((p) => resolve(p) === resolve(o.html as string)))
        throw new Usage(
          `--html ${o.html} is one of the inputs: the audit never writes over an input`,
        );
      const report = await auditPaths(paths, clock, io.progress?.());
      if (o.html !== undefined) await writeFile(o.html, htmlReport(report));
      if (o.json) for (const piece of jsonReport(report)) io.out(piece);
      else io.out(textReport(report));
      if (o.html !== undefined && !o.json) io.out(`HTML report written to ${o.html}\n`);
      done(report.workbooks.every((w) => w.status === 'ok') ? 0 : 1);
    });
  return cli;
}

/** Runs one command line (arguments after the program name); resolves to the exit code. */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const cli = program(io, (c) => (code = c));
  try {
    await cli.parseAsync([...args], { from: 'user' });
    return code;
  } catch (e) {
    // --help and help exit 0; a missing command or argument, an unknown option: usage errors.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE;
    if (e instanceof Usage) {
      io.err(`desk-record: ${e.message}\n`);
      return USAGE;
    }
    io.err(`desk-record: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
