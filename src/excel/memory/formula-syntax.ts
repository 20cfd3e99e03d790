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
const SPECIAL = new Set([...'"\'[]{}(),;+-*/^&=<>%@#:']);
const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

type Token =
  'none' | 'name' | 'number' | 'string' | 'bracket' | 'quoted' | 'array' | 'close' | 'error';
type Open = 'call' | 'group';

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
const isNameChar = (ch: string): boolean => !isSpace(ch) && !SPECIAL.has(ch);

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

/** Why Excel would refuse `formula` ("=…") as malformed, or null when it passes. */
export function formulaSyntaxProblem(formula: string): string | null {
  if (formula.length > MAX_FORMULA_LENGTH) return 'the formula is longer than 8,192 characters';
  const s = formula;
  const stack: Open[] = [];
  let expectOperand = true;
  let last = 'none' as Token; // (assigned in operand() too)
  let prev = '='; // the last significant character
  let i = 1;
  while (i < s.length) {
    const ch = s[i] as string;
    if (isSpace(ch)) {
      i += 1;
      if (last !== 'none') last = last === 'name' ? 'close' : last; // a space ends a name
      continue;
    }
    const operand = (token: Token, end: number): string | null => {
      if (!expectOperand && !(token === 'bracket' && (last === 'name' || last === 'quoted'))) {
        const adjacent =
          last === 'string' || last === 'array' || last === 'error' || last === 'number';
        if (adjacent) return `'${s.slice(i, i + 10)}' follows a value without an operator`;
      }
      expectOperand = false;
      last = token;
      prev = ch;
      i = end;
      return null;
    };
    let problem: string | null = null;
    if (ch === '"') {
      const end = endOfQuoted(s, i, '"');
      if (end < 0) return 'a string is not closed (a " is missing)';
      problem = operand('string', end);
    } else if (ch === "'") {
      const end = endOfQuoted(s, i, "'");
      if (end < 0) return "a quoted sheet name is not closed (a ' is missing)";
      problem = operand('quoted', end);
    } else if (ch === '[') {
      const end = endOfBrackets(s, i);
      if (end < 0) return 'a structured reference is not closed (a ] is missing)';
      problem = operand('bracket', end);
    } else if (ch === ']') {
      return "a ']' has no '['";
    } else if (ch === '{') {
      const end = endOfArray(s, i);
      if (typeof end === 'string') return end;
      problem = operand('array', end);
    } else if (ch === '}') {
      return "a '}' has no '{'";
    } else if (ch === '(') {
      const call = !expectOperand && last === 'name';
      if (!expectOperand && !call) return "a '(' follows a value without an operator";
      stack.push(call ? 'call' : 'group');
      expectOperand = true;
      last = 'none';
      prev = ch;
      i += 1;
    } else if (ch === ')') {
      const open = stack.pop();
      if (!open) return "a ')' has no '('";
      if (expectOperand && !(open === 'call' && (prev === '(' || prev === ',')))
        return prev === '(' ? 'empty parentheses' : `'${prev}' has nothing after it`;
      expectOperand = false;
      last = 'close';
      prev = ch;
      i += 1;
    } else if (ch === ',') {
      if (expectOperand && !(stack.at(-1) === 'call' && (prev === '(' || prev === ',')))
        return `'${prev}' has nothing after it`;
      expectOperand = true;
      last = 'none';
      prev = ch;
      i += 1;
    } else if (ch === ';') {
      return "';' outside an array constant (formulas take en-US syntax: ',' separates arguments)";
    } else if (ch === '#') {
      if (!expectOperand && (last === 'name' || last === 'close')) {
        prev = ch; // spill reference: A1#
        i += 1;
        continue;
      }
      const m = ERROR_LITERAL.exec(s.slice(i, i + 16));
      if (!m) return `'${s.slice(i, i + 8)}' is not an error value`;
      problem = operand('error', i + m[0].length);
    } else if (ch === '%') {
      if (expectOperand) return "'%' has nothing before it";
      prev = ch;
      i += 1;
    } else if (ch === '+' || ch === '-' || ch === '@') {
      if (ch === '@' && !expectOperand) return "'@' follows a value";
      expectOperand = true; // unary in operand position, binary otherwise
      last = 'none';
      prev = ch;
      i += 1;
    } else if (SPECIAL.has(ch)) {
      // * / ^ & : = < > : binary only
      if (expectOperand) return `'${ch}' has nothing before it`;
      const pair = s.slice(i, i + 2);
      i += pair === '<=' || pair === '>=' || pair === '<>' ? 2 : 1;
      expectOperand = true;
      last = 'none';
      prev = ch;
    } else {
      let end = i;
      while (end < s.length && isNameChar(s[end] as string)) end += 1;
      problem = operand(/[0-9.]/.test(ch) ? 'number' : 'name', end);
    }
    if (problem) return problem;
  }
  if (last === 'none' && prev === '=') return "nothing follows '='";
  if (stack.length > 0) return "a '(' is not closed";
  if (expectOperand) return `the formula ends with '${prev}'`;
  return null;
}
