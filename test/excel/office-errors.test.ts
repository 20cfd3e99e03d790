/**
 * The pane explains every code Excel may plausibly return, by operation (issue 8, twin bug b).
 * Where the sources disagree, the twin answers each code in turn (host.strictness, docs/TWIN.md):
 * a table renamed to a taken name is InvalidArgument (OfficeDev/office-js#551) or
 * ItemAlreadyExists; a sheet or name added under a taken name is ItemAlreadyExists
 * (OfficeDev/office-js#2875, OfficeDev/office-scripts-docs#560) or InvalidArgument; a table that
 * would overlap another is InvalidArgument on Windows and the web (OfficeDev/office-js#1199,
 * OfficeDev/office-js-docs#417), GeneralException on Mac (office-js-docs#417), InvalidOperation
 * in older hosts. None of them means "the request was malformed" here.
 */
import { TABLES } from '../../src/core';
import {
  createMemoryDeskWorkbook,
  type MemoryDeskWorkbook,
  type SyncInfo,
} from '../../src/excel/memory';
import { explainOfficeCode, officeErrorSentence } from '../../src/excel/office-errors';
import { orphans } from './audit';
import { idMaker, reviewRows } from './helpers';

const IN_THE_WAY = ['InvalidArgument', 'InvalidOperation', 'GeneralException', 'ItemAlreadyExists'];

describe('what a code means depends on the operation', () => {
  it.each(IN_THE_WAY)('creating tables + %s: a table, name or sheet may be in the way', (code) => {
    expect(explainOfficeCode(code, 'create')).toMatch(
      /a table, defined name or sheet may be in the way of one the add-in creates/,
    );
    expect(explainOfficeCode(code, 'sample')).toBe(explainOfficeCode(code, 'create'));
  });

  it.each(IN_THE_WAY)('appending + %s: a table may be in the way of the rows', (code) => {
    expect(explainOfficeCode(code, 'append')).toMatch(/a table may be in the way of the rows/);
  });

  it.each(IN_THE_WAY)('repair or migration + %s: something in the way of the columns', (code) => {
    expect(explainOfficeCode(code, 'repair')).toMatch(/in the way of the columns/);
    expect(explainOfficeCode(code, 'migrate')).toBe(explainOfficeCode(code, 'repair'));
  });

  it('never calls InvalidArgument "malformed"; other codes keep their own explanation', () => {
    for (const op of ['create', 'append', 'repair', 'read'] as const)
      expect(explainOfficeCode('InvalidArgument', op)).not.toMatch(/malformed/);
    expect(explainOfficeCode('RequestAborted', 'create')).toBe(
      'the request timed out before Excel answered',
    );
    expect(
      officeErrorSentence({ code: 'GeneralException', message: 'x' }, 'Doing', '', 'create'),
    ).toBe(
      'Doing failed: Excel reported an internal error — or a table, defined name or sheet may be in the way of one the add-in creates (Excel answers this when a new table would overlap another table or its name is taken) [GeneralException] (Excel said: x).',
    );
  });
});

/** Runs `act` with `edit` made by a colleague when the write request arrives. */
function between(m: MemoryDeskWorkbook, edit: () => void): void {
  m.host.onRequest = (info) => {
    if (info.writes === 0) return;
    m.host.onRequest = null;
    edit();
  };
}

/** Fails the write request part-way, at its table resize, with Excel's `code`. */
const failAtResize = (code: string) => (info: SyncInfo) =>
  info.writes > 0
    ? {
        kind: 'fail-partway' as const,
        after: info.ops.findIndex((o) => o.kind === 'table.resize'),
        code,
      }
    : undefined;

describe('Excel’s answers, code by code, as the pane says them', () => {
  it.each(['InvalidArgument', 'ItemAlreadyExists'] as const)(
    'a colleague names something DeskTriggers between the read and the write (%s)',
    async (code) => {
      const m = createMemoryDeskWorkbook();
      m.host.strictness = { tableNameTakenCode: code };
      between(m, () => m.user.setName(TABLES.triggers.name, '=Sheet1!$A$1'));
      const r = await m.workbook.ensureTables();
      expect(r).toEqual({
        ok: false,
        reason: 'office',
        message: expect.stringMatching(
          new RegExp(
            `^Creating the desk tables failed: (a table, sheet or name with that name already exists — )?a table, defined name or sheet may be in the way of one the add-in creates .*\\[${code}\\].*creating the desk tables again picks up where this stopped\\.$`,
          ),
        ),
      });
      // Now the probe sees it and says so; once it is gone, the retry converges.
      expect(await m.workbook.ensureTables()).toMatchObject({ ok: false, reason: 'name-taken' });
      m.user.deleteName(TABLES.triggers.name);
      expect((await m.workbook.ensureTables()).ok).toBe(true);
      expect(orphans(m, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
    },
  );

  it.each(['ItemAlreadyExists', 'InvalidArgument'] as const)(
    'a colleague adds a sheet DeskExposures between the read and the write (%s)',
    async (code) => {
      const m = createMemoryDeskWorkbook();
      m.host.strictness = { nameTakenCode: code };
      between(m, () => m.user.typeCell(TABLES.exposures.name, 'A5', 'mine'));
      const r = await m.workbook.ensureTables();
      expect(r).toMatchObject({
        ok: false,
        reason: 'office',
        message: expect.stringContaining(`in the way of one the add-in creates`),
      });
      expect(r.ok === false && r.message).toContain(`[${code}]`);
      // The retry names their sheet; what the first attempt made is finished, nothing else.
      expect(await m.workbook.ensureTables()).toMatchObject({
        ok: false,
        reason: 'name-taken',
        message: expect.stringContaining('A sheet named DeskExposures already holds cells'),
      });
    },
  );

  it.each(['InvalidArgument', 'InvalidOperation', 'GeneralException'])(
    'a table in the way of an append’s resize (%s)',
    async (code) => {
      const m = createMemoryDeskWorkbook();
      expect((await m.workbook.ensureTables()).ok).toBe(true);
      const rows = reviewRows(idMaker(), { triggers: 2 });
      expect((await m.workbook.appendReview(rows)).ok).toBe(true);
      m.host.faults = failAtResize(code);
      const r = await m.workbook.appendReview(reviewRows(idMaker(2)));
      expect(r).toMatchObject({
        ok: false,
        reason: 'office',
        message: expect.stringContaining('a table may be in the way of the rows the add-in writes'),
      });
      expect(r.ok === false && r.message).toContain(`[${code}]`);
    },
  );

  it.each(['InvalidArgument', 'InvalidOperation', 'GeneralException'])(
    'a table in the way of a repair’s resize (%s)',
    async (code) => {
      const m = createMemoryDeskWorkbook();
      expect((await m.workbook.ensureTables()).ok).toBe(true);
      m.user.deleteColumn('DeskTriggers', 'Owner');
      m.host.faults = failAtResize(code);
      const r = await m.workbook.repair();
      expect(r.ok === false && r.message).toMatch(
        new RegExp(`^Repairing the desk tables failed: .*in the way of the columns.*\\[${code}\\]`),
      );
      m.host.faults = null;
      expect((await m.workbook.repair()).ok).toBe(true);
      expect(orphans(m, { sheets: ['Sheet1'], cells: [] })).toEqual([]);
    },
  );
});
