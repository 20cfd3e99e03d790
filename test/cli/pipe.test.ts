/**
 * The bin as a shell runs it: a reader that stops early (`| head`) ends the audit quietly, with no
 * stack trace on the terminal.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSample } from './fixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'desk-record.cjs');

jest.setTimeout(60_000);

it('audit --json into a pipe closed after 20 bytes ends without an EPIPE stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-pipe-'));
  await writeSample(join(dir, 'desk-0.xlsx'));
  // Copies: a report larger than a pipe's buffer, so the audit is still writing when head exits.
  for (let i = 1; i < 30; i += 1)
    copyFileSync(join(dir, 'desk-0.xlsx'), join(dir, `desk-${i}.xlsx`));
  const r = spawnSync(
    'sh',
    ['-c', `"${process.execPath}" "${BIN}" audit --json "${dir}" | head -c 20`],
    {
      encoding: 'utf8',
    },
  );
  expect(r.stdout).toHaveLength(20);
  expect(r.stdout.startsWith('{')).toBe(true);
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error'/);
});
