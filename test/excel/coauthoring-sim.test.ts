/**
 * Co-authoring cannot lose a review (issue 8, item 7): 2–4 analysts record at once, each pane
 * (the real adapter + the pane's submit and outbox, no DOM) writing to its own replica of one
 * workbook; changes merge cell by cell, last writer wins, at random points — between a pane's
 * requests (so between its read and its write) and between two operations of one request (so in
 * the middle of an append: values written, table not yet resized). In most schedules the panes
 * also create the desk tables themselves, at once, each in its own replica. Colleagues type notes
 * near the desk tables at random sync boundaries (and move a note when a pane's refusal names it;
 * a second copy of a desk row the pane names, below a table or inside one, the user deletes).
 * Then every outbox drains: rounds of health + re-append, with merges, until no receipt is
 * pending. Afterwards the converged workbook holds every review exactly once, no row mixing two
 * reviews, no colleague cell changed, every table well-formed, exactly one set of desk tables and
 * nothing else the add-in made (no stray sheet, table or name).
 *
 * What the model assumes (the README's desk-record section states it as the guarantee's limits):
 * - every change reaches every replica within one round (30 s of simulated time; everything the
 *   write phase did has arrived when the first round starts) — inside a round, deliveries are
 *   random and writes cross;
 * - a take-back (the request after a refused write that puts back what it wrote over) reaches
 *   every replica before anyone's next request: it follows its write by one round trip, and a
 *   co-author writing the same cells in between could be left with an empty or mixed row;
 * - a colleague types only into cells that are empty on every replica and outside every table,
 *   near desk tables every replica already agrees on, and the keystroke reaches every replica at
 *   once: a keystroke crossing a pane's write to the same cell is settled by last writer wins.
 *
 * Model: learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins (every
 * coauthor sees a change once it syncs; concurrent edits of a cell: the last one stays).
 * Rerun a failing schedule with DESK_SEED=<seed> DESK_INTERLEAVINGS=1.
 */
import { formatAddress, parseAddress } from '../../src/excel/a1';
import { TABLE_KEYS, TABLES } from '../../src/core';
import { createCoauthoring, type Coauthoring, type Replica } from '../../src/excel/memory';
import type { SyncInfo } from '../../src/excel/memory';
import type { ReviewRecords, WriteOutcome } from '../../src/excel/workbook';
import { HOLD_MS, MISSING_MS, type SettleReport } from '../../src/taskpane/outbox';
import {
  auditWorkbook,
  deleteTableRow,
  paneOver,
  writtenRows,
  type ColleagueCell,
  type Pane,
} from './coauthoring-panes';
import { idMaker, prng, reviewRows } from './helpers';

/**
 * `npm test` runs one fixed set of 500 schedules, so a commit's result is the same on every machine;
 * DESK_SIM_RANDOM=1 explores new ones (seed from the clock, logged); a schedule exploring found is
 * pinned as a test of its own below.
 */
const PINNED_SEED = 838338865;
const SEED = Number(
  process.env.DESK_SEED ?? (process.env.DESK_SIM_RANDOM ? Date.now() % 2 ** 31 : PINNED_SEED),
);
const INTERLEAVINGS = Number(process.env.DESK_INTERLEAVINGS ?? 500);
const MAX_ROUNDS = 30;
/** Share of schedules whose panes create the desk tables themselves, at once. */
const FRESH = 0.6;
/** Chance, at each sync boundary, that a colleague types a note near a desk table. */
const TYPE_PER_SYNC = 0.03;
const NOTES_PER_SCHEDULE = 4;

jest.setTimeout(900_000);

/** A colleague's cells placed before the run (desk-sheet ones only where the tables exist). */
const BEFORE: readonly { sheet: string; address: string; value: string | number }[] = [
  { sheet: 'Sheet1', address: 'A1', value: 'desk notes' },
  { sheet: 'Sheet1', address: 'C9', value: 42 },
  { sheet: 'DeskSnapshots', address: 'AK2', value: 'call broker' },
  { sheet: 'DeskTriggers', address: 'A60', value: 'Q3 review list' },
  { sheet: 'DeskExposures', address: 'AP5', value: 7.5 },
];

/**
 * Simulated time: the write phase happens at one instant; each drain round is 30 s later. A
 * receipt is dropped only on a read HOLD_MS after its last write, and a missing review is appended
 * again only when it is still missing MISSING_MS after a read first missed it: both longer than
 * the model's delivery bound (one round).
 */
const ROUND_MS = 30_000;
const TOGETHER_ROUNDS = 3;
class SimClock {
  private t = Date.parse('2026-02-06T10:00:00Z');
  readonly now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}
expect(TOGETHER_ROUNDS * ROUND_MS).toBeLessThan(HOLD_MS);
expect(MISSING_MS).toBeGreaterThanOrEqual(ROUND_MS);

/** Yields to the other panes a random number of times: a different interleaving per schedule. */
async function pause(rand: () => number, most = 6): Promise<void> {
  for (let i = Math.floor(rand() * most); i > 0; i -= 1) await Promise.resolve();
}

interface Figures {
  interleavings: number;
  freshRuns: number;
  writers: number;
  reviews: number;
  submitRetries: number;
  reappendedReviews: number;
  reappendedRows: number;
  adoptedByReceipts: number;
  adoptedBySubmits: number;
  differing: number;
  secondSetsMerged: number;
  orphansFound: number;
  notesTyped: number;
  notesMoved: number;
  /** Second copies of a desk row (two panes adding the same row at once) the user deleted. */
  copiesDeleted: number;
  /** The same, inside a table (both panes' resizes covered them): deleted as table rows. */
  copiesInsideDeleted: number;
  /** Empty rows left inside a table at the end (a take-back crossing a co-author's resize). */
  emptyRows: number;
  rounds: number[];
  overwritten: number;
}

/** A colleague's note; `sheetId` follows its sheet through a rename (a clash settled in a merge). */
type Note = Omit<ColleagueCell, 'sheet'> & { sheet: string; replica: number; sheetId: string };

/** "F3" for row 2, column 5 (0-based). */
const a1 = (row: number, col: number): string =>
  formatAddress('S', { row, col, rows: 1, cols: 1 }).slice(2);

/** The colleagues: their notes, typed at random sync boundaries and moved when a pane names one. */
class Colleagues {
  readonly notes: Note[] = [];
  readonly problems: string[] = [];
  private moved = 0;
  constructor(
    private readonly co: Coauthoring,
    private readonly net: { deliver(from: number, to: number): void; isHeld(r: number): boolean },
    private readonly rand: () => number,
    private readonly f: Figures,
    private readonly typing: boolean,
  ) {}

  place(replica: number, sheet: string, address: string, value: string | number): void {
    const r = this.co.replicas[replica] as Replica;
    r.user.typeCell(sheet, address, value);
    const { box } = parseAddress(address) as { box: { row: number; col: number } };
    const sheetId = r.model.sheet(sheet)?.id ?? '';
    this.notes.push({ sheet, sheetId, row: box.row, col: box.col, value, replica });
  }

  /** Each note's sheet under the name it has now (after the run: the audit reads by name). */
  refreshNames(): void {
    const m = (this.co.replicas[0] as Replica).model;
    for (const n of this.notes) n.sheet = m.sheetById(n.sheetId)?.name ?? n.sheet;
  }

  /** "… holds a desk row waiting … sheet row 5: its Record ID is already in the table …". */
  private deleteCopy(message: string): void {
    const m =
      /((?:'[^']+'|[^\s']+)![A-Z]+\d+:[A-Z]+\d+) holds (?:a desk row|\d+ desk rows) waiting[^]*?sheet row (\d+): its Record ID is already in the table/.exec(
        message,
      );
    const at = m ? parseAddress(m[1] as string) : null;
    if (!m || !at?.sheet) return;
    const where = this.free(0);
    const x = this.co.replicas[where] as Replica;
    for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(j, where);
    const row = Number(m[2]) - 1;
    for (let c = at.box.col; c < at.box.col + at.box.cols; c += 1)
      x.user.typeCell(at.sheet, a1(row, c), '');
    this.f.copiesDeleted += 1;
    for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(where, j);
  }

  /**
   * "DeskSnapshots holds Record ID … twice, at sheet rows 5 and 6, every cell the same …" (health):
   * the user, in an Excel that has caught up, compares the rows and deletes the lower copies with
   * Delete › Table Rows — only while they still hold that Record ID and equal the first.
   */
  deleteCopiesInside(messages: readonly string[]): void {
    for (const message of messages) {
      const m =
        /^(\S+) holds Record ID (\S+) (?:twice|\d+ times), at sheet rows ([\d, and]+), every cell the same/.exec(
          message,
        );
      if (!m) continue;
      const where = this.free(0);
      const x = this.co.replicas[where] as Replica;
      for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(j, where);
      const t = x.model.table(m[1] as string);
      if (!t) continue;
      const rows = (m[3] as string).split(/, | and /).map((r) => Number(r) - 1);
      const idCol = x.model.headers(t).indexOf('Record ID');
      const cellsOf = (r: number) =>
        JSON.stringify(
          Array.from({ length: t.cols }, (_, j) => x.model.valueOf(t.sheet, r, t.col + j)),
        );
      const first = cellsOf(rows[0] as number);
      const copy = (r: number) =>
        r > t.row &&
        r < t.row + t.rows &&
        x.model.valueOf(t.sheet, r, t.col + idCol) === m[2] &&
        cellsOf(r) === first;
      if (!copy(rows[0] as number)) continue;
      for (const r of rows.slice(1).reverse()) {
        if (!copy(r)) continue;
        deleteTableRow(x.model, t, r);
        this.f.copiesInsideDeleted += 1;
      }
      for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(where, j);
    }
  }

  /** Near a desk table every replica agrees on: just below it, a few rows below, or beside it. */
  maybeType(r: Replica): void {
    if (!this.typing) return;
    if (this.notes.length >= BEFORE.length + NOTES_PER_SCHEDULE || this.rand() > TYPE_PER_SYNC)
      return;
    const key = TABLE_KEYS[Math.floor(this.rand() * TABLE_KEYS.length)] as keyof typeof TABLES;
    const t = r.model.table(TABLES[key].name);
    if (!t) return;
    const settled = this.co.replicas.every((x) => {
      const o = x.model.table(TABLES[key].name);
      return o !== undefined && o.id === t.id && o.sheet.id === t.sheet.id;
    });
    if (!settled) return;
    const where = this.rand();
    const row =
      where < 0.5
        ? t.row + t.rows
        : where < 0.75
          ? t.row + t.rows + 1 + Math.floor(this.rand() * 6)
          : t.row + Math.floor(this.rand() * t.rows);
    const col =
      where < 0.75
        ? t.col + Math.floor(this.rand() * t.cols)
        : t.col + t.cols + Math.floor(this.rand() * 2);
    // Into an empty stretch of the sheet: never a blank cell of a desk row (a row's width around
    // the cell empty too), never inside a table, on any replica.
    const free = this.co.replicas.every((x) => {
      const s = x.model.sheetById(t.sheet.id);
      if (!s) return true;
      const inTable = x.model.tables.some(
        (o) =>
          o.sheet === s &&
          row >= o.row &&
          row < o.row + o.rows &&
          col >= o.col &&
          col < o.col + o.cols,
      );
      const around = Array.from({ length: t.cols + 2 }, (_, j) => t.col + j);
      const blank = (c: number) =>
        x.model.valueOf(s, row, c) === '' && !x.model.cell(s, row, c)?.formula;
      return !inTable && blank(col) && around.every(blank);
    });
    if (!free) return;
    const value = `note ${this.notes.length + 1}`;
    r.user.typeCell(t.sheet.name, a1(row, col), value);
    this.notes.push({
      sheet: t.sheet.name,
      sheetId: t.sheet.id,
      row,
      col,
      value,
      replica: r.index,
    });
    this.f.notesTyped += 1;
    for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(r.index, j);
  }

  /**
   * What a refusal asks people to do, they do: every note it names ("DeskSnapshots!F3 holds …") is
   * moved to Sheet1 by its author; a second copy of a desk row it names is deleted by the user.
   */
  moveNamed(message: string): void {
    this.deleteCopy(message);
    for (const n of this.notes) {
      // The colleague works in an Excel whose changes travel now (not one holding a pane's write).
      const free = this.free(n.replica);
      // Their Excel has caught up: their note is there as they typed it.
      for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(j, free);
      // A note typed in an Excel that still holds a pane's write has not travelled: its author
      // moves it there, in their own Excel, and the move travels with the rest.
      const where = this.holds(free, n) ? free : n.replica;
      const x = this.co.replicas[where] as Replica;
      n.sheet = x.model.sheetById(n.sheetId)?.name ?? n.sheet;
      const at = formatAddress(n.sheet, { row: n.row, col: n.col, rows: 1, cols: 1 });
      if (!message.includes(`${at} holds`)) continue;
      const s = x.model.sheet(n.sheet);
      const held = s ? x.model.valueOf(s, n.row, n.col) : undefined;
      if (held !== n.value)
        this.problems.push(`colleague's ${at} held '${String(held)}' before it was moved`);
      x.user.typeCell(n.sheet, a1(n.row, n.col), '');
      this.moved += 1;
      const to = { row: 200 + this.moved, col: 26 };
      x.user.typeCell('Sheet1', a1(to.row, to.col), n.value);
      Object.assign(n, { sheet: 'Sheet1', sheetId: x.model.sheet('Sheet1')?.id ?? '', ...to });
      this.f.notesMoved += 1;
      for (let j = 0; j < this.co.replicas.length; j += 1) this.net.deliver(where, j);
    }
  }

  /** Whether replica `r` shows note `n` where it was typed. */
  private holds(r: number, n: Note): boolean {
    const m = (this.co.replicas[r] as Replica).model;
    const sheet = m.sheetById(n.sheetId);
    return sheet !== undefined && m.valueOf(sheet, n.row, n.col) === n.value;
  }

  /** `prefer` unless it holds a pane's write that has not travelled yet; then another that does not. */
  private free(prefer: number): number {
    if (!this.net.isHeld(prefer)) return prefer;
    const other = this.co.replicas.findIndex((_, j) => !this.net.isHeld(j));
    return other < 0 ? prefer : other;
  }
}

/** A take-back puts back cells its write went over: its request clears the cells it wrote. */
const isTakeBack = (info: SyncInfo): boolean =>
  info.ops.some((o) => o.kind === 'values' && o.description.endsWith('.clear()'));

/**
 * Deliveries in one schedule: at random, between two requests of a replica and between two
 * operations of one (with the given probabilities, each time with a random peer, both ways) —
 * except that a pane's finished write travels only once the pane has seen its reply: when its next
 * request is a take-back, the write and its take-back travel together, right after it.
 */
class Network {
  /** Replicas whose last write has ended and whose next request has not started. */
  private readonly held = new Set<number>();
  private last: { replica: number; wrote: boolean } | null = null;
  private takeBack: number | null = null;
  constructor(
    private readonly co: Coauthoring,
    private readonly rand: () => number,
    private readonly perRequest: number,
    private readonly perOperation: number,
    /** Whether a request's own changes may travel before it has ended (values, not yet the resize). */
    private readonly partial: boolean,
  ) {}

  /** `from`'s changes to `to`, unless they are held. */
  deliver(from: number, to: number): void {
    if (!this.held.has(from)) this.co.deliver(from, to);
  }

  private exchange(r: number): void {
    const n = this.co.replicas.length;
    if (n < 2) return;
    const j = Math.floor(this.rand() * (n - 1));
    const peer = j >= r ? j + 1 : j;
    this.deliver(r, peer);
    this.deliver(peer, r);
  }

  beforeRequest(r: Replica, info: SyncInfo): void {
    if (this.last?.wrote) this.held.add(this.last.replica); // that write has ended
    if (this.takeBack !== null) {
      const from = this.takeBack;
      this.takeBack = null;
      this.held.delete(from);
      for (let j = 0; j < this.co.replicas.length; j += 1) this.co.deliver(from, j);
    }
    const back = isTakeBack(info);
    if (back)
      this.takeBack = r.index; // held until it has applied
    else this.held.delete(r.index); // the pane moves on: its last write may travel
    if (this.rand() < this.perRequest) this.exchange(r.index);
    this.last = { replica: r.index, wrote: info.writes > 0 && !back };
  }

  /** In the middle of a request: other replicas' changes may land in it; its own may travel only when `partial`. */
  duringRequest(r: Replica): void {
    if (this.rand() >= this.perOperation) return;
    const n = this.co.replicas.length;
    if (n < 2) return;
    const j = Math.floor(this.rand() * (n - 1));
    const peer = j >= r.index ? j + 1 : j;
    this.deliver(peer, r.index);
    if (this.partial) this.deliver(r.index, peer);
  }

  isHeld(r: number): boolean {
    return this.held.has(r) || this.takeBack === r;
  }
}

function installHooks(co: Coauthoring, net: Network, colleagues: Colleagues): () => void {
  co.onSync = (r, info) => {
    net.beforeRequest(r, info);
    if (!net.isHeld(r.index)) colleagues.maybeType(r);
  };
  co.onOperation = (r) => net.duringRequest(r);
  return () => {
    co.onSync = null;
    co.onOperation = null;
  };
}

function tally(r: SettleReport, f: Figures): void {
  f.reappendedReviews += r.reappended;
  f.reappendedRows += r.rowsReappended;
  f.adoptedByReceipts += r.rowsAdopted;
  f.differing += r.differing;
}

/** A pane's read, tallied; a tidy-up (a second set of desk tables merged) counted. */
async function check(p: Pane, f: Figures, colleagues: Colleagues): Promise<void> {
  const { report, health, tidied } = await p.checkTidying();
  tally(report, f);
  colleagues.deleteCopiesInside(health.messages);
  if (tidied) colleagues.moveNamed(tidied.message); // a merge held up by a colleague's note
  if (tidied?.ok) {
    const merged = tidied.message.match(/merged the second table|removed the empty/g) ?? [];
    f.secondSetsMerged += merged.length > 0 ? 1 : 0;
    f.orphansFound += merged.length;
  }
  colleagues.moveNamed(p.outbox.summary().problems.join(' '));
}

/** Every outbox drains: rounds of health + re-append until none is pending; null if it never does. */
async function drain(
  co: Coauthoring,
  panes: readonly Pane[],
  f: Figures,
  clock: SimClock,
  colleagues: Colleagues,
  stop: () => void,
): Promise<number | null> {
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    clock.advance(ROUND_MS);
    // Early rounds: panes check at once, merges still random (re-appends may collide again).
    // Later rounds: one pane at a time with everyone synced, as panes reopened hours apart are.
    const together = round <= TOGETHER_ROUNDS;
    if (!together) stop();
    const one = async (p: Pane) => {
      if (!together) co.merge();
      await check(p, f, colleagues);
    };
    if (together) await Promise.all(panes.map(one));
    else for (const p of panes) await one(p);
    co.merge();
    if (panes.every((p) => p.outbox.summary().pending === 0)) return round;
  }
  return null;
}

async function schedule(seed: number, f: Figures): Promise<string[]> {
  const rand = prng(seed);
  const writers = 2 + Math.floor(rand() * 3);
  const fresh = rand() < FRESH;
  const co = createCoauthoring({ replicas: writers, seed });
  if (!fresh) {
    const made = await co.replicas[0]!.workbook.ensureTables();
    if (!made.ok) throw new Error(made.message);
    co.merge();
  }
  const perRequest = 0.2 + rand() * 0.6;
  const perOperation = rand() * 0.15;
  // Half the schedules have colleagues typing during the run; the other half let a request's own
  // changes travel before it has ended (a merge in the middle of an append).
  const typing = rand() < 0.5;
  // With colleagues typing, changes land between a replica's requests, not inside one: a note
  // merged into a request after its guard read and before its write is lost to that write in any
  // co-authoring (the last edit of a cell stays), which no add-in can see — README, "What remains".
  const net = new Network(co, rand, perRequest, typing ? 0 : perOperation, !typing);
  const colleagues = new Colleagues(co, net, rand, f, typing);
  BEFORE.filter((c) => c.sheet === 'Sheet1' || !fresh).forEach((c, i) =>
    colleagues.place(i % writers, c.sheet, c.address, c.value),
  );
  co.merge();
  const clock = new SimClock();
  // After a refused submit: the colleague moves a note the refusal named; time passes, and the
  // panes with receipts pending check them (their timer).
  const later = async (failed: WriteOutcome) => {
    if (!failed.ok) colleagues.moveNamed(failed.message);
    await pause(rand);
    await Promise.all(
      panes.filter((p) => p.outbox.summary().pending > 0).map((p) => check(p, f, colleagues)),
    );
  };
  const panes: Pane[] = co.replicas.map((r) => paneOver(r, later, clock.now));
  for (const p of panes) await p.check(); // pane open: learns the workbook id (if any)
  const stop = installHooks(co, net, colleagues);
  const reviews: ReviewRecords[] = [];
  const failed: string[] = [];
  await Promise.all(
    panes.map(async (pane, i) => {
      const newId = idMaker((seed % 1000) * 10 + i + 1);
      const count = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < count; k += 1) {
        await pause(rand);
        const rows = reviewRows(newId, {
          triggers: 1 + Math.floor(rand() * 3),
          slug: `writer ${i} review ${k}`,
        });
        const { outcome, tries } = await pane.record(rows);
        f.submitRetries += tries - 1;
        if (outcome.ok) {
          reviews.push(rows);
          f.adoptedBySubmits += (outcome.adopted ?? []).reduce((n, a) => n + a.recordIds.length, 0);
        } else failed.push(`writer ${i} review ${k}: ${outcome.message}`);
      }
    }),
  );
  co.merge(); // everything the write phase did has reached every replica when round 1 starts
  f.interleavings += 1;
  f.freshRuns += fresh ? 1 : 0;
  f.writers += writers;
  f.reviews += reviews.length;
  const rounds = await drain(co, panes, f, clock, colleagues, stop);
  stop();
  co.settle();
  f.overwritten += co.stats.overwritten;
  const problems = [...failed, ...colleagues.problems];
  if (rounds === null) {
    const pending = panes.map(
      (p, i) =>
        `pane ${i}: ${p.outbox.summary().pending} pending (${p.outbox.summary().problems.join(' ')})`,
    );
    problems.push(`receipts did not drain in ${MAX_ROUNDS} rounds: ${pending.join('; ')}`);
  } else f.rounds.push(rounds);
  const empty = { count: 0 };
  colleagues.refreshNames();
  problems.push(...auditWorkbook(co, writtenRows(reviews), colleagues.notes, empty));
  f.emptyRows += empty.count;
  return problems.map(
    (p) =>
      `seed ${seed} (${writers} writers${fresh ? ', creating the tables' : ''}${typing ? ', colleagues typing' : ', mid-request merges both ways'}, merges ${perRequest.toFixed(2)}/request, ${perOperation.toFixed(2)}/operation): ${p}`,
  );
}

const emptyFigures = (): Figures => ({
  interleavings: 0,
  freshRuns: 0,
  writers: 0,
  reviews: 0,
  submitRetries: 0,
  reappendedReviews: 0,
  reappendedRows: 0,
  adoptedByReceipts: 0,
  adoptedBySubmits: 0,
  differing: 0,
  secondSetsMerged: 0,
  orphansFound: 0,
  notesTyped: 0,
  notesMoved: 0,
  copiesDeleted: 0,
  copiesInsideDeleted: 0,
  emptyRows: 0,
  rounds: [],
  overwritten: 0,
});

describe('co-authoring simulation', () => {
  // Four panes create the tables at once; a second set is merged away, leaving its emptied, marked
  // sheet "DeskTriggers (2)" that no pane remembers (leftovers.ts finds it in the workbook).
  it('an emptied second desk sheet is not left behind (seed 839168575)', async () => {
    const f = emptyFigures();
    expect(await schedule(839168575, f)).toEqual([]);
  });

  it(`${INTERLEAVINGS} random interleavings of 2–4 writers lose, double and mix nothing (seed ${SEED})`, async () => {
    console.log(`co-authoring simulation seed: ${SEED} (rerun with DESK_SEED=${SEED})`);
    const f = emptyFigures();
    const problems: string[] = [];
    for (let i = 0; i < INTERLEAVINGS; i += 1) problems.push(...(await schedule(SEED + i, f)));
    const rounds = f.rounds.length ? f.rounds : [0];
    console.log(
      [
        `interleavings run: ${f.interleavings} (${f.writers} writers in all; ${f.freshRuns} with the panes creating the desk tables at once)`,
        `reviews written: ${f.reviews} (submit retries: ${f.submitRetries})`,
        `cells lost to a later co-author's write (merge stats): ${f.overwritten}`,
        `reviews re-appended by receipts: ${f.reappendedReviews} (${f.reappendedRows} rows)`,
        `desk rows adopted from just below a table: ${f.adoptedBySubmits + f.adoptedByReceipts} (${f.adoptedBySubmits} by submits, ${f.adoptedByReceipts} by re-appends)`,
        `second sets of desk tables merged: ${f.secondSetsMerged} (orphans found and merged or removed: ${f.orphansFound}; left at the end: 0 unless listed below)`,
        `colleague notes typed near the tables: ${f.notesTyped} (moved when a pane named them: ${f.notesMoved})`,
        `receipts reported as differing: ${f.differing}`,
        `second copies of a desk row left below a table (two panes adding the same row at once), deleted by the user when the pane named them: ${f.copiesDeleted}`,
        `second copies of a desk row inside a table (two panes merging the same second table at once), named by health with both sheet rows and deleted by the user as table rows: ${f.copiesInsideDeleted}`,
        `empty rows left inside a table (a take-back crossing a co-author's resize; no review lost): ${f.emptyRows}`,
        `rounds to drain: max ${Math.max(...rounds)}, mean ${(rounds.reduce((a, b) => a + b, 0) / rounds.length).toFixed(2)}`,
        `schedules with problems: ${new Set(problems.map((p) => p.split(' ')[1])).size}`,
      ].join('\n'),
    );
    // The first few problems of each schedule that had any.
    const bySchedule = new Map<string, string[]>();
    for (const p of problems) {
      const key = p.split(' ')[1] as string;
      bySchedule.set(key, [...(bySchedule.get(key) ?? []), p]);
    }
    expect([...bySchedule.values()].flatMap((ps) => ps.slice(0, 3)).slice(0, 30)).toEqual([]);
    expect(f.interleavings).toBe(INTERLEAVINGS);
    expect(f.reappendedReviews).toBeGreaterThan(0); // the schedules did lose writes to merges
    expect(f.freshRuns).toBeGreaterThan(INTERLEAVINGS / 3);
    expect(f.notesTyped).toBeGreaterThan(0);
  });
});
