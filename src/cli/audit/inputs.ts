/**
 * PATH arguments → the .xlsx files to audit (folders searched recursively, in name order) and the
 * arguments that yield none, each with a plain reason. Excel's owner files (`~$Book.xlsx`, the
 * lock Excel keeps beside an open workbook on a shared drive) are not workbooks: skipped in folders.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface Inputs {
  readonly files: readonly string[];
  /** Arguments that hold no workbook to audit: an empty folder, a missing path, another file type. */
  readonly empty: readonly { readonly path: string; readonly reason: string }[];
}

const isXlsx = (name: string): boolean => name.toLowerCase().endsWith('.xlsx');
const isOwnerFile = (name: string): boolean => name.startsWith('~$');

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    // Symbolic links are not followed: a link back up the tree would never end.
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && isXlsx(e.name) && !isOwnerFile(e.name)) out.push(path);
  }
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const empty: { path: string; reason: string }[] = [];
  const add = async (file: string) => {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) return; // one file named twice (a folder and a file in it) is audited once
    seen.add(real);
    files.push(file);
  };
  for (const p of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      empty.push({
        path: p,
        reason:
          code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? String(e)})`,
      });
      continue;
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(p, found);
      } catch (e) {
        empty.push({
          path: p,
          reason: `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        });
        continue;
      }
      if (found.length === 0)
        empty.push({ path: p, reason: 'the folder holds no .xlsx file (searched recursively)' });
      for (const f of found) await add(f);
    } else {
      // A file named explicitly is audited whatever its name: a renamed workbook is still checked.
      await add(p);
    }
  }
  return { files, empty };
}
