import { D } from '../numbers/decimal';

export const SOURCE_STATES = ['market', 'mixed', 'indicative'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const STATUSES = ['research', 'watchlist', 'action'] as const;
export type NoteStatus = (typeof STATUSES)[number];

export interface Limits {
  readonly maxAgeDays: D;
  readonly maxSpreadBps: D;
  readonly ratioTolerance: D;
}

/** 7 days matches the weekly assessment cadence; 300 bps and 5% are the desk's hard-check defaults. */
export const DEFAULT_LIMITS: Limits = {
  maxAgeDays: new D(7),
  maxSpreadBps: new D(300),
  ratioTolerance: new D('0.05'),
};

/** The four cells that make a note finished; a blank one sends the note back to research. */
export interface Closeout {
  readonly owner: string | null;
  readonly openQuestion: string | null;
  readonly evidenceRequest: string | null;
  readonly reviewDate: string | null;
}

export interface NoteStatusInput {
  readonly quoteTime: Date;
  readonly asOf: Date;
  readonly spreadBps: D;
  readonly ratioChange: D;
  readonly expectedDirection: Direction;
  readonly limits: Limits;
  readonly sourceState: SourceState | null;
  readonly closeout: Closeout | null;
}

export interface NoteStatusVerdict {
  readonly status: NoteStatus;
  /** Why the status is not action: blank closeout cells, or every failing hard check. */
  readonly reasons: readonly string[];
  text(explain: boolean): string;
}
