/** A1 addresses: the few conversions the adapter and the in-memory workbook share. */

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names with spaces or punctuation are quoted, as Excel writes them. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export function formatAddress(sheet: string, b: Box): string {
  const tl = `${columnLetters(b.col)}${b.row + 1}`;
  const br = `${columnLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
  return `${sheetRef(sheet)}!${b.rows === 1 && b.cols === 1 ? tl : `${tl}:${br}`}`;
}

/** The cell part of an address: A1 or A1:B2, each with optional "$" anchors. */
const CELLS = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;

/**
 * The sheet part of an address (before its last "!"): 'It''s here' quoted, with '' for a quote,
 * or a name without "!"; undefined when it is neither.
 */
function sheetName(part: string): string | undefined {
  if (part.length >= 3 && part.startsWith("'") && part.endsWith("'")) {
    let name = '';
    let i = 1;
    const end = part.length - 1; // the closing quote
    while (i < end) {
      if (part.charAt(i) !== "'") {
        name += part.charAt(i);
        i += 1;
      } else if (i + 1 < end && part.charAt(i + 1) === "'") {
        name += "'";
        i += 2;
      } else break;
    }
    if (i === end) return name;
  }
  return part !== '' && !part.includes('!') ? part : undefined;
}

/** "Sheet!A1:B2", "A1", "'My sheet'!C3" → sheet (if any) and box; null when unreadable. */
export function parseAddress(address: string): { sheet: string | null; box: Box } | null {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  const sheet = bang < 0 ? null : sheetName(text.slice(0, bang));
  if (sheet === undefined) return null;
  const m = CELLS.exec(text.slice(bang + 1));
  if (!m) return null;
  const c0 = columnIndex(m[1] as string);
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  return {
    sheet,
    box: {
      row: Math.min(r0, r1),
      col: Math.min(c0, c1),
      rows: Math.abs(r1 - r0) + 1,
      cols: Math.abs(c1 - c0) + 1,
    },
  };
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (A..XFD). */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** Consecutive numbers as runs: [2,3,4,9] → {2,3}, {9,1}. */
export function runs(rows: readonly number[]): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.start + last.length === r) last.length += 1;
    else out.push({ start: r, length: 1 });
  }
  return out;
}
