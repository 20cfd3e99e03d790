/**
 * Compile-time checks of the desk-record schema, run by `tsc` (npm test's typecheck), not by jest:
 * each `@ts-expect-error` fails the typecheck if the line below it ever compiles.
 */
import { SnapshotTable, TriggerTable } from '../../src/core/record/schema';
import type { DeskTable } from '../../src/core/record/table-def';

// A schema field without a column is a compile error.
const { priceMid: _dropped, ...withoutPriceMid } = SnapshotTable.columns;
export const missingColumn: DeskTable<typeof SnapshotTable.schema> = {
  ...SnapshotTable,
  // @ts-expect-error — priceMid has no column
  columns: withoutPriceMid,
};

// The complete table is accepted, so the error above is about the missing column alone.
export const complete: DeskTable<typeof SnapshotTable.schema> = { ...SnapshotTable };

// A header order naming a field the schema does not have is a compile error too.
export const unknownInOrder: DeskTable<typeof TriggerTable.schema> = {
  ...TriggerTable,
  // @ts-expect-error — 'reviewDate' is not a trigger field
  order: ['owner', 'reviewDate'],
};
