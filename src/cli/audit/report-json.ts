/**
 * The audit as JSON, exactly `JSON.stringify(report, null, 2)`, written in pieces: a desk-wide
 * queue can be 100,000s of items, and one string of it (tens of MB) would double what the
 * report already holds in memory.
 */
import type { AuditReport } from './audit';

const ITEMS_PER_PIECE = 500;

function* arrayPieces(key: string, items: readonly unknown[], last: boolean): Generator<string> {
  const end = last ? '\n' : ',\n';
  if (items.length === 0) {
    yield `  ${JSON.stringify(key)}: []${end}`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [\n`;
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    const piece = items
      .slice(i, i + ITEMS_PER_PIECE)
      .map((item) => `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`)
      .join(',\n');
    yield i + ITEMS_PER_PIECE < items.length ? `${piece},\n` : `${piece}\n`;
  }
  yield `  ]${end}`;
}

export function* jsonReport(r: AuditReport): Generator<string> {
  yield `{\n  "asOf": ${JSON.stringify(r.asOf)},\n`;
  yield* arrayPieces('workbooks', r.workbooks, false);
  yield* arrayPieces('queue', r.queue, false);
  yield* arrayPieces('duplicates', r.duplicates, true);
  yield '}\n';
}
