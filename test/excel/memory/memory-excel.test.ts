/** The in-memory Excel behaves like Office.js where the adapter depends on it. */
import { columnList } from '../../../src/core';
import { NUMBER_FORMATS } from '../../../src/core/record/schema';
import { displayText, MemoryHost, MemoryWorkbookModel } from '../../../src/excel/memory';

function host() {
  const m = new MemoryWorkbookModel();
  m.addSheet('Sheet1');
  return new MemoryHost(m);
}

describe('the in-memory Excel', () => {
  it('throws PropertyNotLoaded for a property read without load and sync', async () => {
    const h = host();
    await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('address');
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1:B1');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies queued writes only at sync, and counts round trips', async () => {
    const h = host();
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[5]];
      expect(h.model.sheet('Sheet1')!.cells.size).toBe(0);
      await ctx.sync();
      expect(h.model.valueOf(h.model.sheet('Sheet1')!, 0, 0)).toBe(5);
    });
    expect(h.stats.syncs).toBe(1);
  });

  it('reads entries as Excel reads typed input: formulas, quote prefix, Text format', async () => {
    const h = host();
    const s = h.model.sheet('Sheet1')!;
    await h.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('C1').numberFormat = [['@']];
      sheet.getRange('A1:F1').formulas = [['=1+1', "'=1+1", '=1+1', '+A1', '747000', 'TRUE']];
      const r = sheet.getRange('A1:F1').load('values,formulas');
      await ctx.sync();
      expect(r.formulas[0]).toEqual(['=1+1', '=1+1', '=1+1', '=+A1', 747000, true]);
      expect(r.values[0]![1]).toBe('=1+1'); // the apostrophe is not part of the value
    });
    expect(h.model.cell(s, 0, 0)!.formula).toBe('=1+1');
    expect(h.model.cell(s, 0, 1)!.formula).toBeUndefined();
    expect(h.model.cell(s, 0, 2)!.formula).toBeUndefined(); // '@' keeps it text
  });

  it('injects faults: before (nothing applied), partway, after, timeout', async () => {
    for (const [kind, applied] of [
      ['fail-before', 0],
      ['fail-partway', 1],
      ['fail-after', 2],
      ['timeout-after', 2],
    ] as const) {
      const h = host();
      h.faults = () => (kind === 'fail-partway' ? { kind, after: 1 } : { kind });
      await expect(
        h.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem('Sheet1');
          sheet.getRange('A1').values = [[1]];
          sheet.getRange('A2').values = [[2]];
          await ctx.sync();
        }),
      ).rejects.toHaveProperty('code');
      const s = h.model.sheet('Sheet1')!;
      // Binding workbook.worksheets is the first operation, then getItem, then the two writes
      // (each after its range's binding): one operation applied writes nothing.
      const written = [0, 1].filter((r) => h.model.valueOf(s, r, 0) !== '').length;
      expect(written).toBe(kind === 'fail-partway' ? 0 : applied);
    }
  });

  it('refuses a request over 5 MB before applying anything', async () => {
    const h = host();
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A6000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(h.model.sheet('Sheet1')!.cells.size).toBe(0);
  });

  it('creates a table from a header row with one empty body row, as Excel does', async () => {
    const h = host();
    await h.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:B1').values = [['x', 'y']];
      const t = sheet.tables.add('A1:B1', true);
      t.name = 'T';
      const r = t.getRange().load('address');
      const missing = ctx.workbook.tables.getItemOrNullObject('Nope');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1:B2');
      expect(missing.isNullObject).toBe(true);
    });
  });
});

describe('quantity number format', () => {
  it('shows separators without a trailing dot and keeps small fractions visible', () => {
    const format = NUMBER_FORMATS.quantity;
    expect(columnList('exposures').find((c) => c.field === 'quantity')?.numberFormat).toBe(format);
    expect(columnList('exposures').find((c) => c.field === 'bidDepth')?.numberFormat).toBe(format);
    expect(displayText(2000, format)).toBe('2,000');
    expect(displayText(1_500_000, format)).toBe('1,500,000');
    expect(displayText(2.5, format)).toBe('2.5');
    expect(displayText(20, format)).toBe('20');
    // Threshold stays General: 0.05 (a ratio tolerance) must not show as 0.
    expect(columnList('triggers').find((c) => c.field === 'threshold')?.numberFormat).toBe(
      'General',
    );
  });
});
