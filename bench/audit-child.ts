/**
 * Run by bench/audit.bench.ts in a child node, so its peak RSS is the audit's alone: audits the
 * folder given as argv[2] and prints {ms, maxRssMb, workbooks, queue} as JSON on stdout.
 */
import { auditPaths } from '../src/cli/audit/audit';

async function main(): Promise<void> {
  const dir = process.argv[2] as string;
  const t0 = performance.now();
  const report = await auditPaths([dir], {
    asOf: '2026-12-01',
    now: new Date(Date.UTC(2026, 11, 1)),
  });
  const ms = performance.now() - t0;
  const ok = report.workbooks.filter((w) => w.status === 'ok').length;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      workbooks: report.workbooks.length,
      ok,
      queue: report.queue.length,
    }),
  );
}

void main();
