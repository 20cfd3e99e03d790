/**
 * The pane's price import without a browser: how a paste or a file is read (the rule the pane
 * states, papaparse's delimiter detection, text that is not a table), and one import session —
 * ticks, edits, duplicates and corrections against rows already recorded, all or none.
 */
import type { RecordValues } from '../../src/core';
import {
  countMarks,
  countsSentence,
  editRow,
  markRows,
  recordsToWrite,
  reread,
  setTicked,
  startImport,
  textsOf,
  type ImportSession,
} from '../../src/taskpane/prices/import-session';
import { binaryProblem, fileProblem, parseImport, readKind } from '../../src/taskpane/prices/paste';
import { DEFAULTS, smmSeed as smm } from '../core/prices/helpers';

let n = 0;
const stamps = () => ({
  importId: '00000000-0000-4000-8000-00000000a000',
  importedAt: '2026-02-06T10:00:00.000Z',
  importedBy: 'Analyst',
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
});

function session(
  text: string,
  defaults = DEFAULTS,
  source: 'paste' | 'file' = 'paste',
): ImportSession {
  const parsed = parseImport(text, 'auto', source);
  if (parsed.kind === 'refused') throw new Error(parsed.message);
  return startImport(
    parsed.kind === 'grid'
      ? { kind: 'grid', grid: parsed.grid, delimiter: parsed.delimiter }
      : { kind: 'prose', text: parsed.text },
    'test',
    defaults,
  );
}

/** What a confirmed import leaves in DeskPrices (the records, as read back). */
function recorded(s: ImportSession, existing: RecordValues[] = []): RecordValues[] {
  const out = recordsToWrite(s, markRows(s, existing), stamps());
  if (!out.ok) throw new Error(out.message);
  return [...existing, ...out.records.map((r) => ({ ...r }) as RecordValues)];
}

const CSV = [
  'Code,Product,Location,Low,High,Unit,Date',
  'MB-NDP-0001,NdPr oxide,fob China,57.5,59.5,USD/kg,2025-01-09',
  'MB-DY-0001,Dy oxide,fob China,230,240,USD/kg,2025-01-09',
  ',La oxide,,"3,600","4,000",CNY/t,2025-01-09',
].join('\r\n');

describe('how the pane reads a paste or a file', () => {
  it('follows the rule it states: a file or a paste with tabs is a table, other pasted text prose', () => {
    expect(readKind('a\tb\n1\t2', 'auto', false)).toBe('grid');
    expect(readKind('La oxide fell to 3,600 yuan/mt.', 'auto', false)).toBe('prose');
    expect(readKind('a,b\n1,2', 'auto', true)).toBe('grid');
    expect(readKind('a,b\n1,2', 'table', false)).toBe('grid');
    expect(readKind('a\tb', 'prose', false)).toBe('prose');
  });

  it('detects the delimiter and keeps a quoted thousands comma in its cell', () => {
    const comma = parseImport(CSV, 'auto', 'file');
    expect(comma).toMatchObject({ kind: 'grid', delimiter: ',' });
    if (comma.kind === 'grid') expect(comma.grid[3]?.slice(3, 5)).toEqual(['3,600', '4,000']);
    const semi = parseImport(
      'Product;Low;Unit;Date\nLa oxide;3600;CNY/t;2025-01-09',
      'table',
      'paste',
    );
    expect(semi).toMatchObject({ kind: 'grid', delimiter: ';' });
    const tabs = parseImport('Product\tLow\nLa oxide\t3,600', 'auto', 'paste');
    expect(tabs).toMatchObject({ kind: 'grid', delimiter: '\t' });
  });

  it('says why a file is not a table, and refuses binary or oversized files by name', () => {
    const one = parseImport('just one line of words', 'auto', 'file');
    expect(one).toMatchObject({ kind: 'refused' });
    expect(one.kind === 'refused' && one.message).toMatch(/The file is not a table/);
    const quote = parseImport('Product,Low\n"La oxide,3600\nCe oxide,7800', 'auto', 'file');
    expect(quote.kind === 'refused' && quote.message).toMatch(/not valid CSV.*quote/i);
    expect(binaryProblem('prices.csv', 'PK\u0003\u0004\u0000\u0000')).toMatch(
      /prices.csv is not a CSV/,
    );
    expect(fileProblem({ name: 'big.csv', size: 50 * 1024 * 1024, type: 'text/csv' })).toMatch(
      /big.csv is 50.0 MB/,
    );
    expect(
      fileProblem({
        name: 'book.xlsx',
        size: 10,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toMatch(/not a CSV/);
    expect(parseImport('   ', 'auto', 'paste')).toEqual({
      kind: 'refused',
      message: 'The pasted text is empty.',
    });
  });
});

describe('an import session', () => {
  it('reads the SMM seed as prose: La, Ce, Y oxide and Pr-Nd oxide ranges in yuan/mt with their dates', () => {
    const s = session(smm());
    expect(s.source.kind).toBe('prose');
    expect(s.published).toBe('2025-01-09');
    expect(
      s.candidates.map((c) => [
        c.values.product,
        c.values.priceLow,
        c.values.priceHigh,
        c.values.unit,
        c.values.priceDate,
      ]),
    ).toEqual([
      ['La oxide', 3600, 4000, 'CNY/t', '2025-01-09'],
      ['Ce oxide', 7800, 8000, 'CNY/t', '2025-01-09'],
      ['Y oxide', 40000, 43000, 'CNY/t', '2025-01-09'],
      ['NdPr oxide', 747000, 753000, 'CNY/t', '2026-02-05'],
    ]);
    expect(countMarks(markRows(s, []))).toMatchObject({ rows: 4, new: 4, toWrite: 4 });
  });

  it('a re-import writes nothing and counts every row as already recorded', () => {
    const first = session(CSV, DEFAULTS, 'file');
    const table = recorded(first);
    expect(table).toHaveLength(3);
    const again = session(CSV, DEFAULTS, 'file');
    const marks = markRows(again, table);
    expect(countsSentence(countMarks(marks))).toBe(
      '3 rows: 0 new, 0 corrections, 3 already recorded.',
    );
    const out = recordsToWrite(again, marks, stamps());
    expect(out.ok && out.records).toEqual([]);
  });

  it('other prices for a recorded price are a correction naming the row it corrects', () => {
    const table = recorded(session(CSV, DEFAULTS, 'file'));
    const corrected = CSV.replace('230,240', '231,241');
    const s = session(corrected, DEFAULTS, 'file');
    const marks = markRows(s, table);
    const dy = table.find((r) => r.product === 'Dy oxide');
    expect(marks[1]).toEqual({ kind: 'correction', of: dy?.recordId });
    const out = recordsToWrite(s, marks, stamps());
    expect(out.ok && out.records.map((r) => [r.product, r.priceLow, r.correctionOf])).toEqual([
      ['Dy oxide', 231, dy?.recordId],
    ]);
  });

  it('a ticked row that cannot be recorded refuses the whole import; unticking it lets the rest through', () => {
    const bad = `${CSV}\r\n,Ce oxide,,-5,,CNY/t,2025-01-09`;
    const s = session(bad, DEFAULTS, 'file');
    const marks = markRows(s, []);
    expect(marks[3]).toMatchObject({ kind: 'invalid' });
    const refusedAll = recordsToWrite(s, marks, stamps());
    expect(refusedAll).toMatchObject({ ok: false });
    expect(!refusedAll.ok && refusedAll.message).toMatch(/Line 5 cannot be recorded.*negative/);
    const unticked = setTicked(s, [3], false);
    const out = recordsToWrite(unticked, markRows(unticked, []), stamps());
    expect(out.ok && out.records).toHaveLength(3);
  });

  it('an edited row is checked again by the core, and the edit survives a change of defaults', () => {
    const s = session(`${CSV}\r\n,Ce oxide,,abc,,CNY/t,2025-01-09`, DEFAULTS, 'file');
    expect(markRows(s, [])[3]).toMatchObject({ kind: 'invalid' });
    const fixed = editRow(s, 3, {
      ...textsOf(s.candidates[3]!, undefined),
      priceLow: '7,800-8,000',
    });
    expect(fixed.candidates[3]?.values).toMatchObject({
      priceLow: 7800,
      priceHigh: 8000,
      priceMid: 7900,
    });
    expect(markRows(fixed, [])[3]).toEqual({ kind: 'new' });
    const relabelled = reread(fixed, { defaults: { ...DEFAULTS, sourceLabel: 'Colleague sheet' } });
    expect(relabelled.candidates[3]?.values.priceLow).toBe(7800);
    expect(relabelled.candidates[0]?.values.sourceLabel).toBe('Colleague sheet');
  });

  it('two ticked rows for one price refuse the later one; unticking the first clears it', () => {
    const twice = `${CSV}\r\nMB-DY-0001,Dy oxide,fob China,231,241,USD/kg,2025-01-09`;
    const s = session(twice, DEFAULTS, 'file');
    expect(markRows(s, [])[3]).toMatchObject({ kind: 'invalid' });
    expect(markRows(setTicked(s, [1], false), [])[3]).toEqual({ kind: 'new' });
  });

  it('asks for the order of an ambiguous slash date and reads it once chosen', () => {
    const s = session('Product,Low,Unit,Date\nLa oxide,3600,CNY/t,9/1/2025', DEFAULTS, 'file');
    expect(s.candidates[0]?.ambiguousDate).toBe(true);
    expect(
      reread(s, { defaults: { ...DEFAULTS, dayFirst: true } }).candidates[0]?.values.priceDate,
    ).toBe('2025-01-09');
    expect(
      reread(s, { defaults: { ...DEFAULTS, dayFirst: false } }).candidates[0]?.values.priceDate,
    ).toBe('2025-09-01');
  });

  it('a remapped column is read as its new field', () => {
    const s = session('Item,Figure,Unit,Date\nLa oxide,3600,CNY/t,2025-01-09', DEFAULTS, 'file');
    expect(s.mapping[1]).toBeNull();
    expect(markRows(s, [])[0]).toMatchObject({ kind: 'invalid' });
    const mapped = reread(s, { mapping: { ...s.mapping, 1: 'price' } });
    expect(mapped.candidates[0]?.values.priceLow).toBe(3600);
    expect(markRows(mapped, [])[0]).toEqual({ kind: 'new' });
  });

  it('keeps pasted formulas as text in the records', () => {
    const s = session(
      'Product,Low,Unit,Date,Source\nLa oxide,3600,CNY/t,2025-01-09,=HYPERLINK("http://x")',
      DEFAULTS,
      'file',
    );
    const out = recordsToWrite(s, markRows(s, []), stamps());
    expect(out.ok && out.records[0]?.sourceLabel).toBe('=HYPERLINK("http://x")');
  });
});
