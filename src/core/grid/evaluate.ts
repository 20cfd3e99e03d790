import { deskError, type DeskError } from '../errors';

/** One cell's value as Excel passes it to a custom function (blank cells arrive as null or ''). */
export type Scalar = number | string | boolean | null | undefined;
/** A function argument: a single value or a range (rows of cells). */
export type Arg = Scalar | Scalar[][];
/** One result cell: a value, or an error that stays in its own cell. */
export type Cell = number | string | boolean | DeskError;
/** A function result: one cell, or a 2-D array of cells that spills. */
export type Output = Cell | Cell[][];

export const isRange = (arg: Arg): arg is Scalar[][] => Array.isArray(arg);

/** An empty cell: what Excel passes for a blank (null, undefined, '') or text of spaces only. */
export function isMissing(value: unknown): value is null | undefined | '' {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Why a range argument is not a proper rectangle of cells, or null when it is one. Excel always
 * passes rows of equal length, but a caller of the core (or a future Excel) can pass anything; a
 * shape we cannot read is one #VALUE! naming the argument, never a silently narrowed result.
 */
export function shapeProblem(arg: readonly unknown[], name: string): DeskError | null {
  if (arg.length === 0)
    return deskError('value', `${name} is an empty range; give a value or a range of cells`);
  const first: unknown = arg[0];
  if (!Array.isArray(first)) {
    const oneD = !arg.some((row) => Array.isArray(row));
    return deskError(
      'value',
      oneD
        ? `${name} must be a range (rows of cells); got a 1-D list`
        : `${name} must be a range (rows of cells); row 1 is a single value, not a row`,
    );
  }
  const cols = first.length;
  if (cols === 0)
    return deskError('value', `${name}: row 1 has no cells; give a value or a range of cells`);
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (!Array.isArray(row)) {
      return deskError(
        'value',
        `${name} must be a range (rows of cells); row ${r + 1} is a single value, not a row`,
      );
    }
    if (row.length !== cols) {
      return deskError(
        'value',
        `${name}: rows have different lengths (${cols} and ${row.length}); give a rectangular range`,
      );
    }
    for (let c = 0; c < cols; c++) {
      if (Array.isArray(row[c])) {
        return deskError(
          'value',
          `${name}: the cell in row ${r + 1}, column ${c + 1} holds a list; a range's cells are single values`,
        );
      }
    }
  }
  return null;
}

/** A range that holds exactly one cell broadcasts like a single value (shape already checked). */
const single = (arg: Scalar[][]): boolean => arg.length === 1 && (arg[0] as Scalar[]).length === 1;

/**
 * Every cell of an argument read whole (fixed_costs, limits, closeout), row by row; one #VALUE!
 * when a range is not a rectangle.
 */
export function cellsOf(arg: Arg, name: string): Scalar[] | DeskError {
  if (!isRange(arg)) return [arg];
  const problem = shapeProblem(arg, name);
  if (problem !== null) return problem;
  const cells: Scalar[] = [];
  for (const row of arg) for (const cell of row) cells.push(cell);
  return cells;
}

/**
 * Element-wise evaluation with broadcasting: single values (and 1×1 ranges) repeat against the
 * range arguments, which must all have one shape; any range makes the result a 2-D array of that
 * shape. `element` sees one reused array of the current values (no allocation per element) and
 * returns one cell, so an error stays in its element. Mismatched shapes, and a range that is not
 * a rectangle of cells (shapeProblem), are one #VALUE!.
 */
export function evaluateGrid(
  args: readonly Arg[],
  names: readonly string[],
  element: (values: Scalar[]) => Cell,
): Output {
  const values: Scalar[] = new Array<Scalar>(args.length);
  const ranged: number[] = [];
  let rows = 0;
  let cols = 0;
  let shapedBy = -1;
  let anyRange = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!isRange(arg)) {
      values[i] = arg;
      continue;
    }
    anyRange = true;
    const problem = shapeProblem(arg, names[i] ?? 'an argument');
    if (problem !== null) return problem;
    if (single(arg)) {
      values[i] = arg[0]?.[0];
      continue;
    }
    const r = arg.length;
    const c = (arg[0] as Scalar[]).length;
    if (shapedBy < 0) {
      rows = r;
      cols = c;
      shapedBy = i;
    } else if (r !== rows || c !== cols) {
      return deskError(
        'value',
        `${names[shapedBy] ?? 'an argument'} is a ${rows}×${cols} range but ${names[i] ?? 'another'} is ${r}×${c}; ranges must have the same shape (only a single value repeats)`,
      );
    }
    ranged.push(i);
  }
  if (!anyRange) return element(values);
  if (shapedBy < 0) return [[element(values)]];
  const grids = ranged.map((i) => args[i] as Scalar[][]);
  const out: Cell[][] = new Array<Cell[]>(rows);
  const n = ranged.length;
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      // A column, the common case: a one-element row, filled in one step. Numbers get their own
      // array literal, which V8 keeps as unboxed doubles (no HeapNumber per row); text and errors
      // use the other. One shared literal would turn generic after the first text result and box
      // every number from then on: more objects for the collector to copy in a 100k-row result.
      for (let j = 0; j < n; j++) values[ranged[j] as number] = (grids[j] as Scalar[][])[r]?.[0];
      const result = element(values);
      out[r] = typeof result === 'number' ? [result] : [result];
      continue;
    }
    const row: Cell[] = new Array<Cell>(cols);
    for (let c = 0; c < cols; c++) {
      for (let j = 0; j < n; j++) values[ranged[j] as number] = (grids[j] as Scalar[][])[r]?.[c];
      row[c] = element(values);
    }
    out[r] = row;
  }
  return out;
}
