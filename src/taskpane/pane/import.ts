/**
 * The Import tab: text pasted or a CSV chosen → the core reads it (pane/../prices) → a preview of
 * every row, marked against DeskPrices as recorded → Confirm writes all ticked rows or none
 * (appendPrices, through the pane's one write queue), with progress and Cancel over 1,000 rows.
 * DeskPrices is read again at Confirm: a colleague's import since the preview is not doubled.
 */
import { wallClockAsUtc, type RecordValues } from '../../core';
import { tableName } from '../../excel/workbook';
import { h } from '../dom';
import { newUuid } from '../uuid';
import {
  counted,
  editRow,
  invalidTicked,
  markRows,
  recordsToWrite,
  reread,
  setTicked,
  startImport,
  textsOf,
  countMarks,
  type ImportSession,
  type RowMark,
} from '../prices/import-session';
import { binaryProblem, fileProblem, parseImport } from '../prices/paste';
import { createConfirmView, PROGRESS_ROWS } from '../views/import/confirm-view';
import { createDefaultsView } from '../views/import/defaults-view';
import { createMappingView } from '../views/import/mapping-view';
import { createRowsView } from '../views/import/rows-view';
import { createSourceView } from '../views/import/source-view';
import type { PaneCore, PaneRefresh } from './context';
import { appendPrices, readPrices } from './price-writes';

export interface ImportTab {
  readonly element: HTMLElement;
  setReadOnly(reason: string | null): void;
}

export function createImportTab(
  pane: PaneCore,
  recordedBy: () => string,
  refresh: PaneRefresh,
): ImportTab {
  const { workbook, message, serial, env } = pane;
  let session: ImportSession | null = null;
  let existing: RecordValues[] = [];
  let byId = new Map<string, RecordValues>();
  let marks: RowMark[] = [];
  let readOnly: string | null = null;
  let writing = false;
  let cancelRequested = false;

  const setExisting = (rows: RecordValues[]) => {
    existing = rows;
    byId = new Map(
      rows.flatMap((r) => (typeof r.recordId === 'string' ? [[r.recordId, r] as const] : [])),
    );
  };

  const draw = () => {
    if (!session) return;
    const s = session;
    marks = markRows(s, existing);
    defaults.setAmbiguous(s.candidates.filter((c) => c.ambiguousDate).length);
    if (s.source.kind === 'grid')
      mapping.render(s.source.grid[0] ?? [], s.mapping, s.source.delimiter);
    else mapping.hide();
    rows.render({
      candidates: s.candidates,
      marks,
      edited: new Set(s.edits.keys()),
      texts: (i) => textsOf(s.candidates[i] as (typeof s.candidates)[number], s.edits.get(i)),
      recorded: (id) => byId.get(id) ?? null,
    });
    confirmView.render({
      counts: countMarks(marks),
      origin: s.origin,
      published: s.published,
      unread: s.unread,
      readOnly,
    });
  };

  const update = (next: ImportSession) => {
    session = next;
    draw();
  };

  async function begin(text: string, source: 'paste' | 'file', origin: string): Promise<void> {
    const parsed = parseImport(text, source === 'file' ? 'auto' : sourceView.readAs(), source);
    if (parsed.kind === 'refused') {
      message.show('error', 'Nothing read.', parsed.message);
      return;
    }
    sourceView.setBusy(true);
    const history = await readPrices(workbook);
    sourceView.setBusy(false);
    if (!history.ok) {
      message.show('error', 'Nothing read.', `${history.message} Duplicates could not be checked.`);
      return;
    }
    setExisting(history.rows);
    defaults.setImportedBy(recordedBy());
    const s = startImport(
      parsed.kind === 'grid'
        ? { kind: 'grid', grid: parsed.grid, delimiter: parsed.delimiter }
        : { kind: 'prose', text: parsed.text },
      origin,
      defaults.defaults(),
    );
    update(s);
    const counts = countMarks(marks);
    message.show(
      s.candidates.length === 0 ? 'warning' : 'info',
      s.candidates.length === 0
        ? 'No price found.'
        : `${counted(counts.rows, 'price')} read from ${origin}. Check them below, then confirm.`,
      s.candidates.length === 0
        ? parsed.kind === 'prose'
          ? 'The text names no product of the desk with a price and a unit. For a table, choose “A table” under “Read the pasted text as”.'
          : 'The table has no row under its headers.'
        : undefined,
    );
  }

  async function confirm(): Promise<void> {
    if (!session || writing) return;
    const by = defaults.importedBy();
    if (by === '') {
      message.show('error', 'Nothing written.', 'Imported by is required: type your name.');
      document.getElementById('import-by')?.focus();
      return;
    }
    writing = true;
    cancelRequested = false;
    confirmView.setWriting(true);
    // Progress (and Cancel) from the start: the first read may take a while on a slow network.
    confirmView.progress({ written: 0, total: countMarks(marks).toWrite });
    const outcome = await serial(async () => {
      // Read again: what a colleague recorded since the preview is a duplicate now.
      const history = await readPrices(workbook);
      if (!history.ok) return { ok: false as const, message: history.message };
      setExisting(history.rows);
      draw();
      const s = session as ImportSession;
      const built = recordsToWrite(s, marks, {
        importId: newUuid(),
        importedAt: wallClockAsUtc(env.now()).toISOString(),
        importedBy: by,
        newId: newUuid,
      });
      if (!built.ok) return built;
      if (built.records.length === 0)
        return { ok: false as const, message: 'Every ticked row is already recorded.' };
      const total = built.records.length;
      confirmView.progress({ written: 0, total });
      if (total > PROGRESS_ROWS)
        message.show('info', `Importing ${total.toLocaleString('en-US')} rows…`);
      return appendPrices(workbook, built.records, {
        onProgress: (written, all) => confirmView.progress({ written, total: all }),
        cancelled: () => cancelRequested,
      });
    });
    writing = false;
    confirmView.progress(null);
    confirmView.setWriting(false);
    const counts = countMarks(marks);
    if (outcome.ok) {
      const landed = outcome.landed.map(
        (l) =>
          `${tableName(l.table)}: ${l.recordIds.length.toLocaleString('en-US')} rows at ${l.address}`,
      );
      const history = await readPrices(workbook);
      if (history.ok) setExisting(history.rows);
      draw();
      message.show('success', 'Prices imported.', [
        `${outcome.landed.reduce((n, l) => n + l.recordIds.length, 0).toLocaleString('en-US')} written (${counts.new.toLocaleString('en-US')} new, ${counts.corrections.toLocaleString('en-US')} corrections); ${counts.duplicates.toLocaleString('en-US')} already recorded.`,
        ...landed,
      ]);
      void refresh.health();
    } else {
      const cancelled = 'reason' in outcome && outcome.reason === 'cancelled';
      message.show(
        cancelled ? 'warning' : 'error',
        cancelled ? 'Import cancelled: nothing of it is left in DeskPrices.' : 'Nothing imported.',
        outcome.message,
      );
    }
  }

  const sourceView = createSourceView({
    readPaste: () => void begin(sourceView.text(), 'paste', 'the pasted text'),
    readFile: (file) => {
      const problem = fileProblem(file);
      if (problem) {
        message.show('error', 'Nothing read.', problem);
        return;
      }
      void file.text().then(
        (text) => {
          const binary = binaryProblem(file.name, text);
          if (binary) message.show('error', 'Nothing read.', binary);
          else void begin(text, 'file', file.name);
        },
        (e: unknown) =>
          message.show(
            'error',
            'Nothing read.',
            `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`,
          ),
      );
    },
  });
  const defaults = createDefaultsView(() => {
    if (session) update(reread(session, { defaults: defaults.defaults() }));
  });
  const mapping = createMappingView((m) => {
    if (session) update(reread(session, { mapping: m }));
  });
  const rows = createRowsView({
    tick: (indexes, on) => session && update(setTicked(session, indexes, on)),
    edit: (i, texts) => session && update(editRow(session, i, texts)),
  });
  const confirmView = createConfirmView({
    confirm: () => void confirm(),
    untickInvalid: () => {
      if (!session) return;
      const bad = invalidTicked(marks);
      update(setTicked(session, bad, false));
      message.show(
        'info',
        `${bad.length} row${bad.length === 1 ? '' : 's'} unticked: they will not be imported.`,
      );
    },
    clear: () => {
      session = null;
      mapping.hide();
      rows.hide();
      confirmView.hide();
      message.clear();
      document.getElementById('import-text')?.focus();
    },
    cancel: () => {
      cancelRequested = true;
    },
  });

  const element = h(
    'div',
    { class: 'import-view', id: 'import-view' },
    sourceView.element,
    defaults.element,
    mapping.element,
    confirmView.element,
    rows.element,
  );
  return {
    element,
    setReadOnly(reason) {
      readOnly = reason;
      if (session) draw();
    },
  };
}
