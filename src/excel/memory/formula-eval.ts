/**
 * The in-memory workbook's formula engine: the small part of Excel's calculation a table-row
 * formula needs — this-row structured references ([@Owner], [@[Quote time]]), text and number
 * literals, array constants ({1,2,3}), `&` (text join), `=` (case-insensitive compare), and NOW,
 * CHOOSE, IF, AND, ISNUMBER — plus the custom functions of the add-ins "loaded" into this Excel,
 * injected as a registry (`{ 'DESK.NOTE_STATUS': fn }`), so Excel knowledge stays here and the
 * add-in's rules stay in the add-in. Anything else is #NAME?, as Excel shows a function it lacks.
 */
import type { Scalar } from './cell-input';
import { nowSerial } from './serial';

/** An error value in a cell, with the message a custom function gave it (Excel shows it on hover). */
export interface FormulaError {
  readonly error: string;
  readonly message?: string;
}
/** What one formula evaluates to: a value, or an error value. */
export type FormulaResult = Scalar | FormulaError;
/** What a custom function receives per argument: a value ('' for a blank cell) or a 2-D array. */
export type FunctionArg = Scalar | undefined | Scalar[][];
/** What a custom function returns: one cell, or a 2-D array that would spill. */
export type FunctionOutput = FormulaResult | FormulaResult[][];
/** A loaded add-in's functions by their full upper-case name (`DESK.NOTE_STATUS`). */
export type FunctionRegistry = Readonly<
  Record<string, (args: readonly FunctionArg[]) => FunctionOutput>
>;

/** Evaluates a formula cell for `values`, given its table row by header (null outside a table). */
export type FormulaEvaluator = (
  formula: string,
  row: Readonly<Record<string, Scalar>> | null,
) => FormulaResult;

export const isFormulaError = (v: unknown): v is FormulaError =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v;

type Value = Scalar | FormulaError | Scalar[][];

const NAME_ERROR: FormulaError = { error: '#NAME?' };
const VALUE_ERROR: FormulaError = { error: '#VALUE!' };
/** A number as `&` joins it: General format, up to 15 significant digits. */
const textOf = (v: Scalar): string =>
  typeof v === 'boolean'
    ? v
      ? 'TRUE'
      : 'FALSE'
    : typeof v === 'number'
      ? String(Number(v.toPrecision(15)))
      : v;

class Parser {
  i = 0;
  constructor(
    private readonly s: string,
    private readonly row: Readonly<Record<string, Scalar>> | null,
    private readonly functions: FunctionRegistry,
  ) {}

  private space(): void {
    while (this.s[this.i] === ' ') this.i += 1;
  }
  private eat(ch: string): boolean {
    this.space();
    if (this.s[this.i] !== ch) return false;
    this.i += 1;
    return true;
  }
  private expect(ch: string): void {
    if (!this.eat(ch)) throw NAME_ERROR;
  }

  expr(): Value {
    const left = this.concat();
    if (!this.eat('=')) return left;
    const right = this.concat();
    if (isFormulaError(left)) return left;
    if (isFormulaError(right)) return right;
    if (Array.isArray(left) || Array.isArray(right)) return VALUE_ERROR;
    return typeof left === 'string' && typeof right === 'string'
      ? left.toLowerCase() === right.toLowerCase()
      : left === right;
  }

  private concat(): Value {
    let v = this.primary();
    while (this.eat('&')) {
      const next = this.primary();
      if (isFormulaError(v)) continue;
      if (isFormulaError(next)) v = next;
      else if (Array.isArray(v) || Array.isArray(next)) v = VALUE_ERROR;
      else v = textOf(v) + textOf(next);
    }
    return v;
  }

  private primary(): Value {
    this.space();
    const ch = this.s[this.i];
    if (ch === '"') return this.text();
    if (ch === '{') return this.array();
    if (ch === '[') return this.reference();
    if (ch === '(') {
      this.i += 1;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    const number = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(this.s.slice(this.i));
    if (number) {
      this.i += number[0].length;
      return Number(number[0]);
    }
    const name = /^[A-Za-z_][\w.]*/.exec(this.s.slice(this.i));
    if (!name) throw NAME_ERROR;
    this.i += name[0].length;
    const upper = name[0].toUpperCase();
    if (!this.eat('(')) {
      if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
      throw NAME_ERROR;
    }
    const args: Value[] = [];
    if (!this.eat(')')) {
      do args.push(this.expr());
      while (this.eat(','));
      this.expect(')');
    }
    return this.call(upper, args);
  }

  private text(): string {
    let out = '';
    for (this.i += 1; this.i < this.s.length; this.i += 1) {
      const ch = this.s[this.i] as string;
      if (ch !== '"') out += ch;
      else if (this.s[this.i + 1] === '"') {
        out += '"';
        this.i += 1;
      } else {
        this.i += 1;
        return out;
      }
    }
    throw NAME_ERROR;
  }

  private array(): Scalar[][] {
    this.i += 1;
    const rows: Scalar[][] = [[]];
    for (;;) {
      const v = this.primary();
      if (isFormulaError(v) || Array.isArray(v)) throw NAME_ERROR;
      (rows[rows.length - 1] as Scalar[]).push(v);
      if (this.eat(',')) continue;
      if (this.eat(';')) rows.push([]);
      else break;
    }
    this.expect('}');
    return rows;
  }

  /** [@Header] or [@[Header]] ('-escaped characters): this row's cell under that header. */
  private reference(): Value {
    const m = /^\[@(?:\[((?:[^\]']|'.)*)\]|([^[\]]+))\]/.exec(this.s.slice(this.i));
    if (!m) throw NAME_ERROR;
    this.i += m[0].length;
    const header = (m[1] ?? m[2] ?? '').replace(/'(.)/g, '$1');
    if (this.row === null) return VALUE_ERROR;
    const key = Object.keys(this.row).find((h) => h.toLowerCase() === header.toLowerCase());
    // A reference to a column the table no longer has: Excel rewrites it to #REF!.
    return key === undefined ? { error: '#REF!' } : (this.row[key] as Scalar);
  }

  private call(name: string, args: Value[]): Value {
    const custom = this.functions[name];
    if (custom) {
      const failed = args.find(isFormulaError);
      if (failed) return failed;
      return single(custom(args as FunctionArg[]));
    }
    const builtin = BUILTINS[name];
    return builtin ? builtin(args) : NAME_ERROR;
  }
}

/** A result in one table cell: a 1×1 array is its value; a larger one cannot spill in a table. */
function single(out: FunctionOutput | Scalar[][]): FormulaResult {
  if (!Array.isArray(out)) return out;
  if (out.length === 1 && out[0]?.length === 1) return out[0][0] as FormulaResult;
  return { error: '#SPILL!' };
}

const isNumber = (v: Value): boolean => typeof v === 'number';

const BUILTINS: Readonly<Record<string, (args: Value[]) => Value>> = {
  NOW: (args) => (args.length === 0 ? nowSerial() : VALUE_ERROR),
  ISNUMBER: ([v]) => isNumber(v as Value),
  AND: (args) => {
    const failed = args.find(isFormulaError);
    if (failed) return failed;
    return args.every((a) => a === true || (typeof a === 'number' && a !== 0));
  },
  IF: ([test, yes, no]) => {
    if (test === undefined || isFormulaError(test)) return test ?? VALUE_ERROR;
    const truthy = test === true || (typeof test === 'number' && test !== 0);
    return truthy ? (yes ?? 0) : (no ?? false);
  },
  /** CHOOSE with an array index lifts over it: CHOOSE({1,2,3},a,b,c) is the row {a,b,c}. */
  CHOOSE: ([index, ...options]) => {
    const pick = (n: Scalar): Scalar => {
      const v = typeof n === 'number' ? options[Math.trunc(n) - 1] : undefined;
      if (v === undefined || isFormulaError(v) || Array.isArray(v)) throw VALUE_ERROR;
      return v;
    };
    if (index === undefined || isFormulaError(index)) return index ?? VALUE_ERROR;
    return Array.isArray(index) ? index.map((row) => row.map(pick)) : pick(index);
  },
};

/** A formula evaluator with these functions loaded; a formula Excel could not read is #NAME?. */
export function formulaEvaluator(functions: FunctionRegistry): FormulaEvaluator {
  return (formula, row) => {
    if (!formula.startsWith('=')) return formula;
    const parser = new Parser(formula.slice(1), row, functions);
    try {
      const v = parser.expr();
      if (parser.i < formula.length - 1) return NAME_ERROR;
      return single(v);
    } catch (thrown) {
      if (isFormulaError(thrown)) return thrown;
      throw thrown;
    }
  };
}
