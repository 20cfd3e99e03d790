/**
 * The twin's request layer keeps Office.js's rules of what a proxy may do and when its values
 * exist: after Excel.run ends, after a failed request, before a sync, on a null object, for a
 * collection's items. The source of each is the real runtime, node_modules/@microsoft/office-js/
 * dist/excel-web-16.00.debug.js (function named in each test), or a learn.microsoft.com page.
 */
import { MemoryHost, MemoryWorkbookModel } from '../../../src/excel/memory';

function host() {
  const m = new MemoryWorkbookModel();
  m.addSheet('Sheet1');
  return new MemoryHost(m);
}
const code = (c: string) => expect.objectContaining({ code: c });

describe('after its Excel.run ended', () => {
  // Runtime: ClientRequestContext._runCommon invalidates the run's tracked objects when the batch
  // ends; queuing on an invalid path throws InvalidObjectPath in CommonUtility.validateObjectPath
  // (called by createSetPropertyAction, createMethodAction, createQueryAction and every new child
  // object), while a loaded property is read from the proxy without any check. TrackedObjects docs
  // (learn.microsoft.com/javascript/api/office/officeextension.trackedobjects): "get an
  // InvalidObjectPath error when setting a property or invoking a method on the object".
  it('a loaded property still reads; a new load, write, method or child throws InvalidObjectPath', async () => {
    const h = host();
    const [range, sheet] = await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1').load('name');
      const r = s.getRange('A1').load('address');
      await ctx.sync();
      return [r, s] as const;
    });
    expect(range.address).toBe('Sheet1!A1');
    expect(sheet.name).toBe('Sheet1');
    expect(() => range.load('values')).toThrow(code('InvalidObjectPath'));
    expect(() => {
      range.values = [[1]];
    }).toThrow(code('InvalidObjectPath'));
    expect(() => range.getCell(0, 0)).toThrow(code('InvalidObjectPath'));
    expect(() => range.select()).toThrow(code('InvalidObjectPath'));
    expect(() => sheet.getRange('B2')).toThrow(code('InvalidObjectPath'));
    expect(() => sheet.tables).toThrow(code('InvalidObjectPath'));
    expect(() => range.values).toThrow(code('PropertyNotLoaded')); // never loaded
    expect(h.model.sheet('Sheet1')!.cells.size).toBe(0);
  });

  it('holds after a run that failed too', async () => {
    const h = host();
    let kept: Excel.Range | null = null;
    await expect(
      h.run(async (ctx) => {
        kept = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
        ctx.workbook.worksheets.getItem('Nope').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(() => kept!.load('address')).toThrow(code('InvalidObjectPath'));
  });
});

describe('objects an add() returned in a request that failed', () => {
  // Runtime: WorksheetCollection.add, TableCollection.add, NamedItemCollection.add and
  // TableColumnCollection.add create "invalid after request" paths; syncPrivate calls
  // invalidatePendingInvalidObjectPaths before sending, and only a result for the object
  // (updateUsingObjectData → resetForUpdateUsingObjectData) makes it valid again. A failed
  // request delivers none, so the object is unusable afterwards even though Excel created it.
  it('are invalid afterwards, though what they made exists', async () => {
    const h = host();
    h.faults = (info) => (info.writes > 0 ? { kind: 'fail-after' } : undefined);
    await h.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Made');
      sheet.getRange('A1:B1').values = [['x', 'y']];
      const table = sheet.tables.add('Made!A1:B1', true);
      const column = table.columns.add(undefined, undefined, 'z');
      const name = ctx.workbook.names.add('MadeName', '=1');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      h.faults = null;
      for (const use of [
        () => sheet.getRange('C1'),
        () => sheet.load('name'),
        () => table.load('name'),
        () => table.getRange(),
        () => column.getDataBodyRange(),
        () => name.load('formula'),
      ])
        expect(use).toThrow(code('InvalidObjectPath'));
      expect(() => table.name).toThrow(code('PropertyNotLoaded'));
      // Found again by name, they work: the request did apply.
      const again = ctx.workbook.worksheets.getItem('Made').load('name');
      const t = ctx.workbook.tables.getItemOrNullObject('Table1').load('name');
      await ctx.sync();
      expect([again.name, t.isNullObject]).toEqual(['Made', false]);
    });
  });

  it('stay valid when the request succeeded', async () => {
    const h = host();
    await h.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Made');
      await ctx.sync();
      const r = sheet.getRange('A1').load('address');
      await ctx.sync();
      expect(r.address).toBe('Made!A1');
    });
  });
});

describe('a batch that returns no promise', () => {
  // Runtime: ClientRequestContext._runCommon throws RunMustReturnPromise when the batch's result
  // has no `then`, before anything queued is sent.
  it('fails with RunMustReturnPromise and applies nothing', async () => {
    const h = host();
    const batch = ((ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    }) as unknown as (ctx: Excel.RequestContext) => Promise<void>;
    await expect(h.run(batch)).rejects.toMatchObject({
      code: 'RunMustReturnPromise',
      message: expect.stringContaining("didn't return a promise"),
    });
    expect(h.model.sheet('Sheet1')!.cells.size).toBe(0);
    expect(h.stats.syncs).toBe(0);
  });
});

describe('what a load delivers', () => {
  // Runtime: CommonUtility._parseSelectExpand turns 'items/name' into Select ["name"] and
  // 'items' into "*" (all scalar properties); an item's getter throws PropertyNotLoaded
  // (Utility.throwIfNotLoaded) for what the result did not carry.
  it("load('items/name') loads only each item's name", async () => {
    const h = host();
    h.model.addSheet('Second');
    await h.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const tables = ctx.workbook.tables.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1', 'Second']);
      expect(() => sheets.items[0]!.visibility).toThrow(code('PropertyNotLoaded'));
      expect(() => sheets.items[0]!.id).toThrow(code('PropertyNotLoaded'));
      expect(tables.items).toEqual([]);
    });
  });

  it("load('items') loads every scalar property of each item", async () => {
    const h = host();
    await h.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items');
      expect(() => sheets.items).toThrow(code('PropertyNotLoaded'));
      await ctx.sync();
      const [s] = sheets.items;
      expect([s!.name, s!.visibility, s!.id, s!.position]).toEqual([
        'Sheet1',
        'Visible',
        h.model.sheet('Sheet1')!.id,
        0,
      ]);
    });
  });

  it('a null object reads undefined for every property, and isNullObject only after sync', async () => {
    // Runtime: Utility.throwIfNotLoaded(prop, field, type, isNull) does not throw when isNull,
    // and ClientObject._handleResult stores nothing for a null result: every property reads
    // undefined, loaded or not. isNullObject itself throws PropertyNotLoaded before the sync.
    const h = host();
    await h.run(async (ctx) => {
      const table = ctx.workbook.tables.getItemOrNullObject('Missing').load('name');
      const name = ctx.workbook.names.getItemOrNullObject('Missing');
      const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject(true);
      expect(() => table.isNullObject).toThrow(code('PropertyNotLoaded'));
      expect(() => table.name).toThrow(code('PropertyNotLoaded'));
      await ctx.sync();
      expect([table.isNullObject, name.isNullObject, used.isNullObject]).toEqual([
        true,
        true,
        true,
      ]);
      expect(table.name).toBeUndefined();
      expect(table.id).toBeUndefined(); // not even loaded
      expect(name.formula).toBeUndefined();
      expect(used.rowIndex).toBeUndefined();
    });
  });

  it('guards the adapter: a null object read before its isNullObject throws in the twin', async () => {
    // Office.js would hand back undefined and hide the bug; the twin refuses unless told not to.
    for (const uncheckedNullRead of ['throw', 'undefined'] as const) {
      const h = host();
      h.strictness = { uncheckedNullRead };
      await h.run(async (ctx) => {
        const table = ctx.workbook.tables.getItemOrNullObject('Missing').load('name');
        await ctx.sync();
        if (uncheckedNullRead === 'throw')
          expect(() => table.name).toThrow(code('TwinUncheckedNullRead'));
        else expect(table.name).toBeUndefined();
      });
    }
  });

  it('getCount().value before its sync throws ValueNotLoaded, not PropertyNotLoaded', async () => {
    // Runtime: ClientResult's `value` getter throws ValueNotLoaded until _handleResult ran.
    const h = host();
    await h.run(async (ctx) => {
      const n = ctx.workbook.tables.getCount();
      const sheets = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(code('ValueNotLoaded'));
      await ctx.sync();
      expect([n.value, sheets.value]).toEqual([0, 1]);
    });
  });

  it('a request that fails or times out delivers no loaded value', async () => {
    // Runtime: processRequestExecutorResponseMessage hands results to proxies only from a
    // response; a timed-out request has none, and the twin delivers none for a failed one.
    for (const kind of ['fail-after', 'timeout-after'] as const) {
      const h = host();
      h.faults = () => ({ kind });
      await h.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1').load('name');
        const n = ctx.workbook.tables.getCount();
        const missing = ctx.workbook.tables.getItemOrNullObject('Missing');
        await expect(ctx.sync()).rejects.toHaveProperty('code');
        expect(() => s.name).toThrow(code('PropertyNotLoaded'));
        expect(() => n.value).toThrow(code('ValueNotLoaded'));
        expect(() => missing.isNullObject).toThrow(code('PropertyNotLoaded'));
      });
    }
  });
});
