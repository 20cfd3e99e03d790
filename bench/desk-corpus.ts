/**
 * A desk's shared folder for the audit bench: workbooks written by the template code
 * (`buildTemplate`), each with its own DeskTriggers rows. Every row differs (Record ID, due date,
 * quote time, spread, owner), so no two workbooks or rows are alike.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type RecordValues } from '../src/core';
import { buildSampleReviews } from '../src/core/sample';
import { buildTemplate } from '../src/cli/template/build-template';

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function sampleRows(): { snapshot: RecordValues; trigger: RecordValues } {
  const built = buildSampleReviews({ recordedBy: 'bench', newId: randomUUID });
  if (!built.ok) throw new Error(built.message);
  const review = built.reviews[0];
  const snapshot = review?.snapshots[0];
  const trigger = review?.triggers[0];
  if (!snapshot || !trigger) throw new Error('sample review without a snapshot or trigger');
  return { snapshot, trigger };
}

/** `rows` trigger rows of workbook `w`: due dates spread over two years around 2026-12-01. */
export function triggerRows(w: number, rows: number, base: RecordValues): RecordValues[] {
  const start = Date.UTC(2025, 11, 1);
  return Array.from({ length: rows }, (_, i) => {
    const due = start + ((w * 7919 + i * 104_729) % 730) * DAY_MS;
    return {
      ...base,
      recordId: randomUUID(),
      owner: `Analyst ${(w * 31 + i) % 17}`,
      dueDate: isoDay(due),
      quoteTime: new Date(due - ((i % 20) + 1) * DAY_MS).toISOString(),
      spreadBps: (i * 37) % 450,
      state: i % 5 === 0 ? 'met' : 'open',
    };
  });
}

/** Writes `count` workbooks of `rows` triggers into `dir`; returns their paths. */
export async function writeCorpus(dir: string, count: number, rows: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const { snapshot, trigger } = sampleRows();
  const paths: string[] = [];
  for (let w = 0; w < count; w++) {
    const path = join(dir, `desk-${String(w).padStart(3, '0')}.xlsx`);
    const snapshots = [{ ...snapshot, recordId: randomUUID() }];
    await buildTemplate({ snapshots, triggers: triggerRows(w, rows, trigger) }).xlsx.writeFile(
      path,
    );
    paths.push(path);
  }
  return paths;
}
