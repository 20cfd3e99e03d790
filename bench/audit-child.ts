/**
 * Run by bench/audit.bench.ts in a child node, so its peak RSS is its own. Modes:
 *   audit DIR  `desk-record audit --json --as-of 2026-12-01 DIR` through the CLI's main, the JSON
 *              built as for a pipe (written nowhere);
 *   read DIR   the baseline: only the reader (every table's cells, plain), no checks, no queue.
 * Prints {ms, maxRssMb, bytes, workbooks} as JSON on stdout.
 */
import { expandInputs } from '../src/cli/audit/inputs';
import { main } from '../src/cli/main';
import { openWorkbook } from '../src/cli/xlsx/read-workbook';

async function read(dir: string): Promise<number> {
  const { files } = await expandInputs([dir]);
  let cells = 0;
  for (const f of files) {
    const o = await openWorkbook(f);
    if (o.ok) for (const t of o.workbook.tables) cells += t.body.length * t.headers.length;
  }
  return cells;
}

async function run(): Promise<void> {
  const [mode, dir] = process.argv.slice(2) as [string, string];
  const t0 = performance.now();
  let bytes = 0;
  let code = 0;
  if (mode === 'read') bytes = await read(dir);
  else
    code = await main(['audit', '--json', '--as-of', '2026-12-01', dir], {
      out: (t) => (bytes += t.length),
      err: (t) => process.stderr.write(t),
      now: () => new Date(),
    });
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes, code }),
  );
}

void run();
