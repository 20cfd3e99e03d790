/**
 * Tables, names, sheets and the grid refuse what Excel refuses, with Excel's error codes; where
 * Microsoft's sources disagree on the code, `host.strictness` makes the twin answer each one
 * (docs/TWIN.md lists the choices and their sources).
 */
import { MemoryHost, MemoryWorkbookModel } from '../../../src/excel/memory';

function host() {
  const m = new MemoryWorkbookModel();
  m.addSheet('Sheet1');
  return new MemoryHost(m);
}

/** One run; resolves to the sync's error code, or null. */
async function codeOf(
  h: MemoryHost,
  batch: (ctx: Excel.RequestContext) => void,
): Promise<string | null> {
  return h
    .run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    })
    .then(
      () => null,
      (e: { code?: string }) => e.code ?? 'none',
    );
}

const sheet1 = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sheet1');

/** Sheet1 with tables A at A1:B3 and B at D1:E3. */
async function twoTables() {
  const h = host();
  expect(
    await codeOf(h, (ctx) => {
      sheet1(ctx).getRange('A1:E1').values = [['a', 'b', '', 'd', 'e']];
      sheet1(ctx).tables.add('Sheet1!A1:B3', true).name = 'A';
      sheet1(ctx).tables.add('Sheet1!D1:E3', true).name = 'B';
    }),
  ).toBeNull();
  return h;
}

describe('tables never overlap', () => {
  // OfficeDev/office-js#1199 and OfficeDev/office-js-docs#417: TableCollection.add over another
  // table answers InvalidArgument ("A table cannot overlap a range that contains a PivotTable
  // report, query results, protected cells or another table.") on Windows and the web, and
  // GeneralException on Mac. Table.resize onto another table: no source gives its code; the twin
  // answers the same overlap code (the same Excel rule is broken).
  it('tables.add over a table fails with InvalidArgument, or the code strictness names', async () => {
    for (const overlapCode of [
      'InvalidArgument',
      'InvalidOperation',
      'GeneralException',
    ] as const) {
      const h = await twoTables();
      h.strictness = { overlapCode };
      expect(await codeOf(h, (ctx) => void sheet1(ctx).tables.add('Sheet1!B2:C4', true))).toBe(
        overlapCode,
      );
      expect(h.model.tables).toHaveLength(2);
    }
  });

  it('Table.resize over another table fails the same way, leaving the table as it was', async () => {
    const h = await twoTables();
    const resize = (address: string) => (ctx: Excel.RequestContext) =>
      ctx.workbook.tables.getItem('A').resize(sheet1(ctx).getRange(address));
    expect(await codeOf(h, resize('A1:D3'))).toBe('InvalidArgument');
    h.strictness = { overlapCode: 'InvalidOperation' };
    expect(await codeOf(h, resize('A1:E5'))).toBe('InvalidOperation');
    expect(h.model.table('A')).toMatchObject({ row: 0, col: 0, rows: 3, cols: 2 });
  });

  it('Table.resize keeps the header row in its row and overlaps the old range', async () => {
    // @types/office-js Table.resize: "The new range must overlap with the original table range
    // and the headers (or the top of the table) must be in the same row."
    const h = await twoTables();
    const resize = (address: string) => (ctx: Excel.RequestContext) =>
      ctx.workbook.tables.getItem('A').resize(address);
    expect(await codeOf(h, resize('A2:B5'))).toBe('InvalidArgument');
    expect(await codeOf(h, resize('A10:B12'))).toBe('InvalidArgument');
    expect(await codeOf(h, resize('A1:B1'))).toBe('InvalidArgument'); // no body row left
    expect(await codeOf(h, resize('A1:B6'))).toBeNull();
    expect(h.model.table('A')!.rows).toBe(6);
  });

  it('tables.add refuses a range spanning sheets or on another sheet', async () => {
    const h = host();
    h.model.addSheet('Other');
    expect(await codeOf(h, (ctx) => void ctx.workbook.tables.add('Sheet1!A1:Other!B2', true))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(h, (ctx) => void sheet1(ctx).tables.add('Other!A1:B2', true))).toBe(
      'InvalidArgument',
    );
  });
});

describe('finding a table column', () => {
  // types: TableColumnCollection.getItem(key) takes the "Column name or ID". Excel's names are
  // case-insensitive; nothing says a key is trimmed, so the twin matches the header exactly
  // but for case (stricter than it was: it used to trim).
  it('matches the header case-insensitively, never trimmed; a number is the column id', async () => {
    const h = await twoTables();
    const t = h.model.table('A')!;
    h.model.writeHeader(t, 1, 'Record ID ');
    await h.run(async (ctx) => {
      const cols = ctx.workbook.tables.getItem('A').columns;
      const found = ['a', 'A', 'Record ID', 'record id '].map((k) =>
        cols.getItemOrNullObject(k).load('index'),
      );
      const byId = cols.getItem(2).load('name');
      await ctx.sync();
      expect(found.map((c) => (c.isNullObject ? null : c.index))).toEqual([0, 0, null, 1]);
      expect(byId.name).toBe('Record ID ');
    });
  });
});

describe('names in use', () => {
  // Renaming a table to a taken name: OfficeDev/office-js#551 reports "The argument is invalid or
  // missing or has an incorrect format." (InvalidArgument's message). Adding a name or a sheet
  // that exists: "A resource with the same name or identifier already exists." (ItemAlreadyExists's
  // message) in OfficeDev/office-js#2875 (names.add) and OfficeDev/office-scripts-docs#560
  // (addWorksheet). The other code of each pair stays plausible; strictness answers it.
  it('a table renamed to a taken name fails with InvalidArgument, or ItemAlreadyExists', async () => {
    const h = await twoTables();
    h.model.addName('Taken', '=1');
    for (const [tableNameTakenCode, to] of [
      ['InvalidArgument', 'B'],
      ['ItemAlreadyExists', 'taken'],
    ] as const) {
      h.strictness = { tableNameTakenCode };
      expect(await codeOf(h, (ctx) => (ctx.workbook.tables.getItem('A').name = to))).toBe(
        tableNameTakenCode,
      );
    }
    expect(h.model.table('A')?.name).toBe('A');
  });

  it('adding a name or a sheet that exists fails with ItemAlreadyExists, or InvalidArgument', async () => {
    const h = await twoTables();
    h.model.addName('Taken', '=1');
    for (const nameTakenCode of ['ItemAlreadyExists', 'InvalidArgument'] as const) {
      h.strictness = { nameTakenCode };
      expect(await codeOf(h, (ctx) => void ctx.workbook.names.add('TAKEN', '=2'))).toBe(
        nameTakenCode,
      );
      expect(await codeOf(h, (ctx) => void ctx.workbook.names.add('A', '=2'))).toBe(nameTakenCode);
      expect(await codeOf(h, (ctx) => void ctx.workbook.worksheets.add('sheet1'))).toBe(
        nameTakenCode,
      );
    }
  });

  it('a sheet-scoped name may share a workbook name, not another on its sheet', async () => {
    const h = host();
    h.model.addName('Desk', '=1');
    expect(await codeOf(h, (ctx) => void sheet1(ctx).names.add('Desk', '=2'))).toBeNull();
    expect(await codeOf(h, (ctx) => void sheet1(ctx).names.add('desk', '=3'))).toBe(
      'ItemAlreadyExists',
    );
    expect(h.model.nameItem('Desk', h.model.sheet('Sheet1')!)?.formula).toBe('=2');
  });
});

describe('Excel’s naming rules', () => {
  // Table and defined names: Microsoft's "Rename an Excel table" rules, linked from
  // @types/office-js Table.name (support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114):
  // begin with a letter, "_" or "\", no spaces, not "C"/"R", not a cell reference, ≤ 255 chars.
  it.each(
    ['A1', 'XFD1048576', 'R1C1', 'r', 'C', '1abc', 'has space', 'a-b', '', 'x'.repeat(256)].map(
      (b) => [b.length > 20 ? `a name of ${b.length} characters` : JSON.stringify(b), b],
    ),
  )('refuses %s as a table or defined name', async (_label, bad) => {
    const h = await twoTables();
    expect(await codeOf(h, (ctx) => (ctx.workbook.tables.getItem('A').name = bad))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(h, (ctx) => void ctx.workbook.names.add(bad, '=1'))).toBe(
      'InvalidArgument',
    );
  });

  it.each(['DeskTriggers', '_x', '\\x', 'Sales.Q1', 'XFE1', 'AB1048577'])(
    'accepts %j',
    async (ok) => {
      const h = await twoTables();
      expect(await codeOf(h, (ctx) => (ctx.workbook.tables.getItem('A').name = ok))).toBeNull();
    },
  );

  // Sheet names: @types/office-js Worksheet.name "must be fewer than 32 characters"; Excel's
  // rename rules: not blank, none of : \ / ? * [ ], no apostrophe at either end, not "History".
  it.each(['', 'x'.repeat(32), 'a:b', 'a/b', 'a\\b', 'a?', 'a*', '[a]', "'a", "a'", 'History'])(
    'refuses the sheet name %j',
    async (bad) => {
      const h = host();
      expect(await codeOf(h, (ctx) => void ctx.workbook.worksheets.add(bad))).toBe(
        'InvalidArgument',
      );
      expect(await codeOf(h, (ctx) => (sheet1(ctx).name = bad))).toBe('InvalidArgument');
    },
  );

  it('a name formula Excel cannot parse fails with InvalidArgument', async () => {
    const h = host();
    expect(await codeOf(h, (ctx) => void ctx.workbook.names.add('V', '=SUM('))).toBe(
      'InvalidArgument',
    );
  });
});

describe('the grid and the workbook’s shape', () => {
  it('a range past row 1,048,576 or column XFD, or of no size, fails with InvalidArgument', async () => {
    // Excel's worksheet is 1,048,576 rows by 16,384 columns (A..XFD).
    const h = host();
    for (const [r, c, rows, cols] of [
      [1_048_575, 0, 2, 1],
      [0, 16_383, 1, 2],
      [-1, 0, 1, 1],
      [0, 0, 0, 1],
      [0, 0, 1, -3],
    ] as const) {
      expect(
        await codeOf(h, (ctx) => sheet1(ctx).getRangeByIndexes(r, c, rows, cols).load('address')),
      ).toBe('InvalidArgument');
    }
    expect(
      await codeOf(h, (ctx) =>
        sheet1(ctx).getRange('A1048576').getOffsetRange(1, 0).load('address'),
      ),
    ).toBe('InvalidArgument');
    expect(await codeOf(h, (ctx) => sheet1(ctx).getRange('XFD1048576').load('address'))).toBeNull();
  });

  it('getRange() without an address is the whole worksheet', async () => {
    // types: Worksheet.getRange — "If not specified, the entire worksheet range is returned."
    const h = host();
    await h.run(async (ctx) => {
      const all = sheet1(ctx).getRange().load('address');
      await ctx.sync();
      expect(all.address).toBe('Sheet1!A1:XFD1048576');
    });
  });

  it('reading the values of a range larger than the 5 MB response fails the request', async () => {
    // Excel on the web limits a response to 5 MB (learn.microsoft.com "Resource limits and
    // performance optimization for Office Add-ins"): ResponsePayloadSizeLimitExceeded.
    const h = host();
    expect(await codeOf(h, (ctx) => sheet1(ctx).getRange('A1:Z1048576').load('values'))).toBe(
      'ResponsePayloadSizeLimitExceeded',
    );
  });

  it('worksheets.add() without a name picks the first free SheetN', async () => {
    const h = host();
    h.model.addSheet('Sheet3');
    expect(await codeOf(h, (ctx) => void ctx.workbook.worksheets.add())).toBeNull();
    expect(await codeOf(h, (ctx) => void ctx.workbook.worksheets.add())).toBeNull();
    expect(h.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet3', 'Sheet4', 'Sheet5']);
  });

  it('the last visible sheet cannot be deleted or hidden', async () => {
    // No source gives Excel's code; strictness.lastSheetCode (InvalidOperation by default).
    const h = host();
    expect(await codeOf(h, (ctx) => sheet1(ctx).delete())).toBe('InvalidOperation');
    expect(await codeOf(h, (ctx) => (sheet1(ctx).visibility = 'Hidden'))).toBe('InvalidOperation');
    h.model.addSheet('Second');
    expect(await codeOf(h, (ctx) => sheet1(ctx).delete())).toBeNull();
    expect(h.model.sheets.map((s) => s.name)).toEqual(['Second']);
  });

  it('a data-validation rule names exactly one rule type', async () => {
    // learn.microsoft.com/javascript/api/excel/excel.datavalidationrule: "A data validation rule
    // contains different types of data validation. You can only use one of them at a time."
    const h = host();
    const rule = (r: unknown) => (ctx: Excel.RequestContext) => {
      sheet1(ctx).getRange('A1:A3').dataValidation.rule = r as Excel.DataValidationRule;
    };
    const list = { inCellDropDown: true, source: 'open,met' };
    expect(await codeOf(h, rule({ list, decimal: { formula1: 0, operator: 'GreaterThan' } }))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(h, rule({}))).toBe('InvalidArgument');
    expect(h.model.sheet('Sheet1')!.cells.size).toBe(0);
    expect(await codeOf(h, rule({ list }))).toBeNull();
    expect(h.model.cell(h.model.sheet('Sheet1')!, 2, 0)?.validation).toBe('open,met');
  });

  it('nothing on a hidden sheet can be selected', async () => {
    const h = host();
    h.model.addSheet('Hidden').visibility = 'Hidden';
    const hidden = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Hidden');
    expect(await codeOf(h, (ctx) => hidden(ctx).getRange('A1').select())).toBe('InvalidOperation');
    expect(await codeOf(h, (ctx) => hidden(ctx).activate())).toBe('InvalidOperation');
  });
});
