/** The workbook and its worksheets: found by name, added, renamed, hidden, deleted, ranged. */
import { parseAddress } from '../a1';
import { ChartCollectionP } from './charts';
import { CollectionP } from './collection';
import type { MemoryContext } from './context';
import { invalidArgument, itemNotFound, MemoryError } from './errors';
import { checkBox, MAX_COLS, MAX_ROWS } from './limits';
import type { MemoryWorkbookModel, SheetData } from './model';
import { NamedItemCollectionP } from './named-items';
import { call, ClientResultP, ProxyBase, type ProxyOrigin } from './proxy';
import { RangeP } from './ranges';
import { TableCollectionP } from './tables';

/** `context.workbook`: its collections are made (and queued) on first use, as in Office.js. */
export class WorkbookP {
  private made: {
    tables?: TableCollectionP;
    worksheets?: WorksheetCollectionP;
    names?: NamedItemCollectionP;
  } = {};
  constructor(readonly context: MemoryContext) {}
  get tables(): TableCollectionP {
    return (this.made.tables ??= new TableCollectionP(this.context, null, {
      parent: null,
      call: 'workbook.tables',
    }));
  }
  get worksheets(): WorksheetCollectionP {
    return (this.made.worksheets ??= new WorksheetCollectionP(this.context));
  }
  get names(): NamedItemCollectionP {
    return (this.made.names ??= new NamedItemCollectionP(this.context, null, {
      parent: null,
      call: 'workbook.names',
    }));
  }
}

const SHEET_SCALARS = ['id', 'name', 'visibility', 'position'] as const;

class WorksheetCollectionP extends CollectionP<SheetData, WorksheetP> {
  protected readonly itemScalars = SHEET_SCALARS;
  constructor(context: MemoryContext) {
    super(context, () => context.model, { parent: null, call: 'workbook.worksheets' });
  }
  protected list(): SheetData[] {
    return [...this.context.model.sheets];
  }
  protected item(s: SheetData, i: number): WorksheetP {
    return new WorksheetP(this.context, () => s, { parent: this, call: `items[${i}]` }, s);
  }
  getItemOrNullObject(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.context.model.sheet(name) ?? null, {
      parent: this,
      call: call('getItemOrNullObject', name),
    });
  }
  getItem(name: string): WorksheetP {
    return new WorksheetP(
      this.context,
      () => {
        const s = this.context.model.sheet(name);
        if (!s) throw itemNotFound(`the worksheet ${name}`);
        return s;
      },
      { parent: this, call: call('getItem', name) },
    );
  }
  /** Without a name Excel picks the first free "SheetN". */
  add(name?: string): WorksheetP {
    const m = this.context.model;
    const free = (): string => {
      for (let n = m.sheets.length + 1; ; n += 1) if (!m.sheet(`Sheet${n}`)) return `Sheet${n}`;
    };
    return new WorksheetP(this.context, () => m.addSheet(name ?? free()), {
      parent: this,
      call: call('add', name),
      volatile: true,
      kind: 'sheet.add',
    });
  }
  getCount(): ClientResultP<number> {
    return new ClientResultP(
      this.context,
      this,
      'getCount()',
      () => this.context.model.sheets.length,
    );
  }
}

export class WorksheetP extends ProxyBase<SheetData> {
  protected readonly props = SHEET_SCALARS;
  private made: {
    tables?: TableCollectionP;
    names?: NamedItemCollectionP;
    charts?: ChartCollectionP;
  } = {};
  constructor(
    context: MemoryContext,
    bind: () => SheetData | null,
    origin: ProxyOrigin,
    resolved?: SheetData,
  ) {
    super(context, bind, origin, resolved);
  }
  private get model(): MemoryWorkbookModel {
    return this.context.model;
  }
  protected override exists(s: SheetData): boolean {
    return this.model.sheets.includes(s);
  }
  protected read(s: SheetData, prop: string): unknown {
    if (prop === 'position') return this.model.sheets.indexOf(s);
    return prop === 'id'
      ? s.id
      : prop === 'name'
        ? s.name
        : prop === 'visibility'
          ? s.visibility
          : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): SheetData['visibility'] {
    return this.get('visibility');
  }
  set visibility(v: SheetData['visibility']) {
    this.act('sheet.visibility', `visibility = ${v}`, (s) => this.model.setVisibility(s, v), v);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.act('sheet.rename', `name = ${JSON.stringify(v)}`, (s) => this.model.renameSheet(s, v), v);
  }
  get tables(): TableCollectionP {
    return (this.made.tables ??= new TableCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'tables',
    }));
  }
  /** The worksheet's charts (charts.ts). */
  get charts(): ChartCollectionP {
    return (this.made.charts ??= new ChartCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'charts',
    }));
  }
  /** Names scoped to this worksheet. */
  get names(): NamedItemCollectionP {
    return (this.made.names ??= new NamedItemCollectionP(this.context, () => this.peek(), {
      parent: this,
      call: 'names',
    }));
  }
  activate(): void {
    this.act('activate', 'activate()', (s) => {
      if (s.visibility !== 'Visible')
        throw new MemoryError(
          'InvalidOperation',
          `The sheet ${s.name} is hidden and cannot be activated.`,
        );
    });
  }
  delete(): void {
    this.act('sheet.delete', 'delete()', (s) => this.model.deleteSheet(s));
  }
  /** Without an address, the whole worksheet (@types/office-js Worksheet.getRange). */
  getRange(address?: string): RangeP {
    return new RangeP(
      this.context,
      () => {
        const s = this.peek();
        if (!s) return null;
        if (address === undefined)
          return { sheet: s, box: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
        const a = typeof address === 'string' ? parseAddress(address) : null;
        if (!a) throw invalidArgument(`'${address}' is not a valid address`);
        if (a.sheet !== null && a.sheet.toLowerCase() !== s.name.toLowerCase())
          throw invalidArgument(`'${address}' is not on the sheet ${s.name}`);
        return { sheet: s, box: checkBox(a.box) };
      },
      {
        parent: this,
        call: address === undefined ? 'getRange()' : call('getRange', address),
        volatile: true,
      },
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(
      this.context,
      () => {
        const s = this.peek();
        return s ? { sheet: s, box: checkBox({ row, col, rows, cols }) } : null;
      },
      { parent: this, call: call('getRangeByIndexes', row, col, rows, cols), volatile: true },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    return new RangeP(
      this.context,
      () => {
        const s = this.peek();
        if (!s) return null;
        const box = this.model.usedBox(s, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS });
        return box ? { sheet: s, box } : null;
      },
      { parent: this, call: call('getUsedRangeOrNullObject', valuesOnly ?? false), volatile: true },
    );
  }
}
