/** `desk-record template`: the workbook written to OUT, never over an existing file unless forced. */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import {
  REVIEW_KEYS,
  TABLE_KEYS,
  TABLES,
  SCHEMA_VERSION,
  type RecordValues,
  type ReviewKey,
} from '../../core';
import { buildSampleData } from '../../core/sample';
import { buildTemplate, type TemplateRows } from './build-template';

export type TemplateOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string };

/** The sample reviews and prices (the pane's Insert sample data), recorded by this user. */
function sampleRows(): TemplateRows | string {
  const name = (() => {
    try {
      return userInfo().username || 'desk-record';
    } catch {
      return 'desk-record';
    }
  })();
  const built = buildSampleData({ recordedBy: name, newId: randomUUID });
  if (!built.ok) return built.message;
  const rows: Partial<Record<ReviewKey | 'prices', RecordValues[]>> = { prices: [...built.prices] };
  for (const key of REVIEW_KEYS) rows[key] = built.reviews.flatMap((r) => [...r[key]]);
  return rows;
}

export async function writeTemplate(
  out: string,
  o: { readonly sample: boolean; readonly force: boolean },
): Promise<TemplateOutcome> {
  const rows = o.sample ? sampleRows() : {};
  if (typeof rows === 'string') return { ok: false, message: rows };
  const bytes = Buffer.from(await buildTemplate(rows).xlsx.writeBuffer());
  try {
    // 'wx' fails when the file exists, in the same call that would write it: no check-then-write race.
    await writeFile(out, bytes, { flag: o.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === 'EEXIST'
          ? `${out} already exists; nothing was written. Pass --force to replace it.`
          : `${out} could not be written (${code ?? String(e)}).`,
    };
  }
  const counts = TABLE_KEYS.map((k) => `${TABLES[k].name} ${rows[k]?.length ?? 0}`).join(', ');
  return {
    ok: true,
    message: `Wrote ${out}: schema version ${SCHEMA_VERSION}; rows: ${counts}.`,
  };
}
