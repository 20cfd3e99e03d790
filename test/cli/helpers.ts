/** What the CLI tests share: a scratch folder, file hashes, main() with captured output, ZIP edits. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export function scratch(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `desk-cli-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under dir (relative path → sha256): what "nothing changed, nothing added" compares. */
export function snapshotTree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, snapshotTree(path, base));
    else out[path.slice(base.length + 1)] = sha256(path);
  }
  return out;
}

export const FIXED_NOW = new Date('2026-12-01T09:00:00Z');

export async function runCli(
  args: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    now: () => FIXED_NOW,
  });
  return { code, out, err };
}

interface Zip {
  file(path: string): { async(type: 'string'): Promise<string> } | null;
  file(path: string, data: string): Zip;
  generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer>;
}
const JSZip = createRequire(require.resolve('exceljs'))('jszip') as {
  loadAsync(data: Buffer): Promise<Zip>;
};

/** Rewrites parts of an .xlsx (text replacements per part) into `out`: a colleague's or another program's edit. */
export async function editXlsx(
  from: string,
  out: string,
  edits: Readonly<Record<string, (xml: string) => string>>,
): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(from));
  for (const [part, edit] of Object.entries(edits)) {
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) throw new Error(`${from} has no part ${part}`);
    zip.file(part, edit(xml));
  }
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export async function partOf(path: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`${path} has no part ${part}`);
  return xml;
}
