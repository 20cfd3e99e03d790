import { D } from '../numbers/decimal';

/**
 * The rules' enumerations, written once: the schema's columns, NOTE_STATUS's argument checks and
 * the form all read these.
 */
export const SOURCE_STATES = ['market', 'mixed', 'indicative'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];
/** MARKET and MIXED can carry action; an INDICATIVE quote cannot (the source-state check). */
export const [MARKET, MIXED, INDICATIVE] = SOURCE_STATES;

export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const [UP, DOWN, FLAT] = DIRECTIONS;
/** A blank expected direction reads as up (the desk's default, in NOTE_STATUS and the record). */
export const DEFAULT_DIRECTION: Direction = UP;

export const isSourceState = (x: unknown): x is SourceState =>
  (SOURCE_STATES as readonly unknown[]).includes(x);
export const isDirection = (x: unknown): x is Direction =>
  (DIRECTIONS as readonly unknown[]).includes(x);

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
