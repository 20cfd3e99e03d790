import { UTC_ZONE, type Zone } from '../dates';
import { evaluateGrid, type Arg, type Output } from '../grid';
import { noteStatusCell, prepareNoteStatus } from '../status/note-status-grid';

const NOTE_STATUS_ARGS = [
  'quote_time',
  'spread_bps',
  'ratio_change',
  'as_of',
  'expected_direction',
  'source_state',
  'explain',
];

/**
 * DESK.NOTE_STATUS: research / watchlist / action. limits and closeout are read whole. `now` (the
 * default as_of) and `zone` (an ISO instant → wall-clock time, default UTC) are injected so the
 * core stays pure — see dates.ts on wall-clock time.
 */
export function noteStatus(
  quoteTime: Arg,
  spreadBpsArg: Arg,
  ratioChange: Arg,
  asOf: Arg,
  expectedDirection: Arg,
  limits: Arg,
  sourceState: Arg,
  closeout: Arg,
  explain: Arg,
  now: Date,
  zone: Zone = UTC_ZONE,
): Output {
  const prepared = prepareNoteStatus(limits, closeout, now, zone);
  if (!prepared.ok) return prepared.error;
  const context = prepared.value;
  return evaluateGrid(
    [quoteTime, spreadBpsArg, ratioChange, asOf, expectedDirection, sourceState, explain],
    NOTE_STATUS_ARGS,
    (v) => noteStatusCell(v, context),
  );
}
