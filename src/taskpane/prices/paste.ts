/**
 * What an import reads: a paste or a chosen file, as a grid (CSV, TSV, cells copied from a sheet)
 * or as prose (a review copied from a web page or an e-mail). The rule, said in the pane too:
 * a chosen file is always a table; pasted text with a tab in it is a table (cells copied from
 * Excel or a web table arrive tab-separated), anything else is prose — unless the user picks
 * "table" or "prose" themselves. Tables go through papaparse, which detects the delimiter
 * (comma, semicolon, tab, pipe) and honours quotes ("747,000" stays one cell).
 */
import Papa from 'papaparse';
import { PROSE_LIMIT } from '../../core';

export type ReadAs = 'auto' | 'table' | 'prose';

/** The rule in one sentence, shown beside the choice. */
export const READ_RULE =
  'Automatic: a chosen file, or pasted text with tabs in it (cells copied from a sheet), is read as a table; other pasted text as prose (a review’s sentences).';

/** Bytes of a chosen file the pane reads (some 100,000 price rows); larger files are refused. */
export const FILE_LIMIT = 20 * 1024 * 1024;

export type Parsed =
  | { readonly kind: 'grid'; readonly grid: string[][]; readonly delimiter: string }
  | { readonly kind: 'prose'; readonly text: string }
  | { readonly kind: 'refused'; readonly message: string };

const DELIMITER_NAME: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

export const delimiterName = (d: string): string => DELIMITER_NAME[d] ?? JSON.stringify(d);

/** Which way the text is read: the user's choice, else the rule above. */
export function readKind(text: string, readAs: ReadAs, fromFile: boolean): 'grid' | 'prose' {
  if (readAs === 'table') return 'grid';
  if (readAs === 'prose') return 'prose';
  return fromFile || text.includes('\t') ? 'grid' : 'prose';
}

/** A table's text → cells (strings, never typed: the core reads every value), or why it is not a table. */
export function parseGrid(text: string, what: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { kind: 'refused', message: `${what} is empty.` };
  const r = Papa.parse<string[]>(body, {
    delimiter: '', // detect
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
  });
  const grid = r.data.map((row) => row.map((c) => String(c)));
  const width = grid[0]?.length ?? 0;
  if (grid.length < 2 || width < 2) {
    return {
      kind: 'refused',
      message: `${what} is not a table: ${
        width < 2
          ? 'no comma, semicolon, tab or pipe separates its columns'
          : 'it has a header row and no rows under it'
      }. A table needs a header row (code or product, price or low/high, unit, date) and a row per price.`,
    };
  }
  // Quotes that never close swallow the rest of the file: the rows after it would be wrong.
  const quote = r.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    return {
      kind: 'refused',
      message: `${what} is not valid CSV: ${quote.message.toLowerCase()} at row ${(quote.row ?? 0) + 1}. Check the quotes around that row.`,
    };
  }
  return { kind: 'grid', grid, delimiter: r.meta.delimiter };
}

/** A paste or a file's text, read as the rule (or the user) says. */
export function parseImport(text: string, readAs: ReadAs, source: 'paste' | 'file'): Parsed {
  const what = source === 'file' ? 'The file' : 'The pasted text';
  const kind = readKind(text, readAs, source === 'file');
  if (kind === 'grid') return parseGrid(text, what);
  if (text.trim() === '') return { kind: 'refused', message: `${what} is empty.` };
  if (text.length > PROSE_LIMIT) {
    return {
      kind: 'refused',
      message: `${what} is ${text.length.toLocaleString('en-US')} characters; prose imports read at most ${PROSE_LIMIT.toLocaleString('en-US')}. Paste it in parts.`,
    };
  }
  return { kind: 'prose', text };
}

/** A file the pane will not read: too large, or plainly not text. */
export function fileProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size > FILE_LIMIT) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the pane reads files up to ${FILE_LIMIT / 1024 / 1024} MB. Split it into smaller files.`;
  }
  if (/^(image|audio|video)\//.test(file.type) || /zip|pdf|excel|spreadsheetml/.test(file.type)) {
    return `${file.name} is not a CSV or text file (${file.type}). Save the sheet as CSV, or copy its cells and paste them.`;
  }
  return null;
}

/** Text with a NUL in it is binary (an .xlsx renamed .csv, an image): not a table. */
export function binaryProblem(name: string, text: string): string | null {
  return text.slice(0, 4096).includes('\u0000')
    ? `${name} is not a CSV or text file (it holds binary data). Save the sheet as CSV, or copy its cells and paste them.`
    : null;
}
