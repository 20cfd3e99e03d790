/**
 * A minimal syntax check of a formula written through `values` or `formulas` (en-US syntax, as
 * those properties take it). Excel refuses a malformed formula instead of storing it (the request
 * fails with InvalidArgument); the twin refuses the same shapes: an unclosed string, sheet quote,
 * structured reference or array constant; unbalanced parentheses; a binary operator with nothing
 * before it; a formula ending in an operator; ";" outside an array constant; a formula over
 * Excel's 8,192 characters. One pass over the text, so any input costs linear time.
 *
 * It is not a parser: what it accepts may still be an error Excel shows in the cell (#NAME?).
 * Structured references ([@[Quote time]], DeskTriggers[#All]), array constants ({1,2,3}),
 * quoted sheet names ('My sheet'!A1), spill (A1#) and error literals (#N/A) pass.
 */

const MAX_FORMULA_LENGTH = 8192;
const SPECIAL_CHARS = '"\'[]{}(),;+-*/^&=<>%@#:';
const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

type Token =
  'none' | 'name' | 'number' | 'string' | 'bracket' | 'quoted' | 'array' | 'close' | 'error';
type Open = 'call' | 'group';

/** ASCII character classes: 1 space, 2 special, 0 part of a name (any non-ASCII too). */
const CLASS = new Uint8Array(128);
for (const ch of ' \n\r\t') CLASS[ch.charCodeAt(0)] = 1;
for (const ch of SPECIAL_CHARS) CLASS[ch.charCodeAt(0)] = 2;
const classOf = (s: string, i: number): number => {
  const code = s.charCodeAt(i);
  return code < 128 ? (CLASS[code] as number) : 0;
};
const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';

/** Index just past the closing quote of a string starting at `i` ("" escapes), or -1. */
function endOfQuoted(s: string, i: number, quote: string): number {
  for (let j = i + 1; j < s.length; j += 1) {
    if (s[j] !== quote) continue;
    if (s[j + 1] === quote) j += 1;
    else return j + 1;
  }
  return -1;
}

/** Index just past the ] that closes the [ at `i` (nested, ' escapes the next character), or -1. */
function endOfBrackets(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j += 1) {
    const ch = s[j];
    if (ch === "'") j += 1;
    else if (ch === '[') depth += 1;
    else if (ch === ']' && --depth === 0) return j + 1;
  }
  return -1;
}

/** Index just past the } that closes the array constant at `i`, or a problem. */
function endOfArray(s: string, i: number): number | string {
  let empty = true;
  for (let j = i + 1; j < s.length; j += 1) {
    const ch = s[j] as string;
    if (ch === '"') {
      const end = endOfQuoted(s, j, '"');
      if (end < 0) return 'a string in an array constant is not closed';
      j = end - 1;
      empty = false;
    } else if (ch === '{') return 'array constants cannot be nested';
    else if (ch === '}') return empty ? 'an array constant is empty' : j + 1;
    else if (!isSpace(ch)) empty = false;
  }
  return 'an array constant is not closed';
}

interface Scan {
  i: number;
  expectOperand: boolean;
  last: Token;
  prev: string;
}

/** Takes the operand `token` that ends at `end`; a problem when it follows a value directly. */
function operand(st: Scan, s: string, token: Token, end: number): string | null {
  if (!st.expectOperand && !(token === 'bracket' && (st.last === 'name' || st.last === 'quoted'))) {
    const l = st.last;
    if (l === 'string' || l === 'array' || l === 'error' || l === 'number')
      return `'${s.slice(st.i, st.i + 10)}' follows a value without an operator`;
  }
  st.expectOperand = false;
  st.last = token;
  st.prev = s[st.i] as string;
  st.i = end;
  return null;
}

/** An operator or separator at st.i that expects an operand next. */
function operator(st: Scan, ch: string, width = 1): void {
  st.expectOperand = true;
  st.last = 'none';
  st.prev = ch;
  st.i += width;
}

/** Why Excel would refuse `formula` ("=…") as malformed, or null when it passes. */
export function formulaSyntaxProblem(formula: string): string | null {
  if (formula.length > MAX_FORMULA_LENGTH) return 'the formula is longer than 8,192 characters';
  const s = formula;
  const stack: Open[] = [];
  const st: Scan = { i: 1, expectOperand: true, last: 'none', prev: '=' };
  while (st.i < s.length) {
    const i = st.i;
    const cls = classOf(s, i);
    if (cls === 1) {
      st.i += 1;
      if (st.last === 'name') st.last = 'close'; // a space ends a name
      continue;
    }
    const ch = s[i] as string;
    let problem: string | null = null;
    if (cls === 0) {
      let end = i + 1;
      while (end < s.length && classOf(s, end) === 0) end += 1;
      const code = s.charCodeAt(i);
      const numeric = (code >= 48 && code <= 57) || code === 46;
      problem = operand(st, s, numeric ? 'number' : 'name', end);
    } else if (ch === '"') {
      const end = endOfQuoted(s, i, '"');
      if (end < 0) return 'a string is not closed (a " is missing)';
      problem = operand(st, s, 'string', end);
    } else if (ch === "'") {
      const end = endOfQuoted(s, i, "'");
      if (end < 0) return "a quoted sheet name is not closed (a ' is missing)";
      problem = operand(st, s, 'quoted', end);
    } else if (ch === '[') {
      const end = endOfBrackets(s, i);
      if (end < 0) return 'a structured reference is not closed (a ] is missing)';
      problem = operand(st, s, 'bracket', end);
    } else if (ch === ']') {
      return "a ']' has no '['";
    } else if (ch === '{') {
      const end = endOfArray(s, i);
      if (typeof end === 'string') return end;
      problem = operand(st, s, 'array', end);
    } else if (ch === '}') {
      return "a '}' has no '{'";
    } else if (ch === '(') {
      const call = !st.expectOperand && st.last === 'name';
      if (!st.expectOperand && !call) return "a '(' follows a value without an operator";
      stack.push(call ? 'call' : 'group');
      operator(st, ch);
    } else if (ch === ')') {
      const open = stack.pop();
      if (!open) return "a ')' has no '('";
      if (st.expectOperand && !(open === 'call' && (st.prev === '(' || st.prev === ',')))
        return st.prev === '(' ? 'empty parentheses' : `'${st.prev}' has nothing after it`;
      st.expectOperand = false;
      st.last = 'close';
      st.prev = ch;
      st.i += 1;
    } else if (ch === ',') {
      const inCall = stack[stack.length - 1] === 'call';
      if (st.expectOperand && !(inCall && (st.prev === '(' || st.prev === ',')))
        return `'${st.prev}' has nothing after it`;
      operator(st, ch);
    } else if (ch === ';') {
      return "';' outside an array constant (formulas take en-US syntax: ',' separates arguments)";
    } else if (ch === '#') {
      if (!st.expectOperand && (st.last === 'name' || st.last === 'close')) {
        st.prev = ch; // spill reference: A1#
        st.i += 1;
        continue;
      }
      const m = ERROR_LITERAL.exec(s.slice(i, i + 16));
      if (!m) return `'${s.slice(i, i + 8)}' is not an error value`;
      problem = operand(st, s, 'error', i + m[0].length);
    } else if (ch === '%') {
      if (st.expectOperand) return "'%' has nothing before it";
      st.prev = ch;
      st.i += 1;
    } else if (ch === '+' || ch === '-' || ch === '@') {
      if (ch === '@' && !st.expectOperand) return "'@' follows a value";
      operator(st, ch); // unary in operand position, binary otherwise
    } else {
      // * / ^ & : = < > : binary only
      if (st.expectOperand) return `'${ch}' has nothing before it`;
      const pair = s.slice(i, i + 2);
      operator(st, ch, pair === '<=' || pair === '>=' || pair === '<>' ? 2 : 1);
    }
    if (problem) return problem;
  }
  if (st.last === 'none' && st.prev === '=') return "nothing follows '='";
  if (stack.length > 0) return "a '(' is not closed";
  if (st.expectOperand) return `the formula ends with '${st.prev}'`;
  return null;
}
