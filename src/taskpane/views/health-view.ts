/**
 * Schema health: what each desk table looks like against the schema, with the one safe fix
 * (Repair adds missing columns, never touches a cell). A newer schema makes the pane read-only.
 */
import { TABLE_KEYS } from '../../core';
import {
  brokenSentence,
  tableName,
  type TableState,
  type WorkbookHealth,
} from '../../excel/workbook';
import { h, replaceChildren } from '../dom';

/** 'rows': the columns match but some rows break the schema (typed by hand, or blank after a repair). */
export type HealthVerdict = 'fresh' | 'ok' | 'drifted' | 'blocked' | 'rows' | 'newer';

/** One word for the pane's mode (pure, unit-tested). */
export function healthVerdict(health: WorkbookHealth): HealthVerdict {
  if (health.schema.kind === 'newer') return 'newer';
  const states = TABLE_KEYS.map((k) => health.tables[k]);
  if (states.some((s) => s.kind === 'drifted' && s.missingRequired.length > 0)) return 'blocked';
  if (
    states.some((s) => s.kind === 'drifted' && (s.missingOptional.length > 0 || s.extra.length > 0))
  )
    return 'drifted';
  if (states.every((s) => s.kind === 'missing')) return 'fresh';
  if (states.some((s) => s.kind !== 'missing' && s.broken)) return 'rows';
  return 'ok';
}

/**
 * Sentences describing one table, naming its columns (pure). Under a newer schema the add-in
 * cannot judge the columns (a newer add-in may have added some), so it states only where the table is.
 */
export function describeTable(state: TableState, newer = false): string[] {
  const where = (s: { rowCount: number; address: string }) =>
    `${s.rowCount} row${s.rowCount === 1 ? '' : 's'} at ${s.address}`;
  if (newer && state.kind !== 'missing') return [`${where(state)}.`];
  switch (state.kind) {
    case 'missing':
      return [
        'Not in this workbook yet; it is created on the first review or with the sample data.',
      ];
    case 'ok':
      return state.broken
        ? [`${where(state)}; the columns match the schema.`, brokenSentence(state.broken)]
        : [`${where(state)}; matches the schema.`];
    case 'drifted': {
      const lines = [`${where(state)}.`];
      if (state.renameHint) lines.push(state.renameHint);
      if (state.missingRequired.length > 0)
        lines.push(
          `Required column${plural(state.missingRequired)} missing: ${state.missingRequired.join(', ')}. Writing is refused until repaired.`,
        );
      if (state.missingOptional.length > 0)
        lines.push(
          `Optional column${plural(state.missingOptional)} missing: ${state.missingOptional.join(', ')}.`,
        );
      if (state.extra.length > 0)
        lines.push(
          `Column${plural(state.extra)} added by a colleague (kept, never written): ${state.extra.join(', ')}.`,
        );
      if (state.broken) lines.push(brokenSentence(state.broken));
      return lines;
    }
  }
}

function plural(list: readonly string[]): string {
  return list.length === 1 ? '' : 's';
}

export interface HealthPanel {
  readonly element: HTMLElement;
  render(health: WorkbookHealth | null, error?: string): void;
}

export function createHealthPanel(actions: {
  repair(): Promise<void>;
  recheck(): Promise<void>;
}): HealthPanel {
  const body = h('div', {});
  const repairButton = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'repair', onclick: () => void actions.repair() },
    'Repair tables',
  );
  const recheck = h(
    'button',
    { type: 'button', class: 'btn', id: 'recheck', onclick: () => void actions.recheck() },
    'Check again',
  );
  const element = h(
    'section',
    { class: 'card', id: 'health', 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title', text: 'Schema health' }),
    body,
    h('div', { class: 'actions' }, repairButton, recheck),
  );

  return {
    element,
    render(health, error) {
      if (!health) {
        replaceChildren(body, h('p', { text: error ?? 'Reading the workbook…' }));
        repairButton.hidden = true;
        return;
      }
      const verdict = healthVerdict(health);
      const intro: Record<HealthVerdict, string> = {
        fresh:
          'No desk tables yet. The first review (or the sample data) creates them with headers, formats and validation lists.',
        ok: `All desk tables match schema version ${versionText(health)}.`,
        drifted:
          'Some columns differ from the schema. Reviews can still be written; Repair adds the missing columns without touching any cell.',
        blocked:
          'A required column is gone, so reviews cannot be written. Repair adds the missing columns back (empty) without touching any cell.',
        rows: 'The columns match the schema, but some rows do not: fix them in the table (they are named below). New reviews can still be written.',
        newer: `This workbook uses schema version ${health.schema.kind === 'newer' ? health.schema.found : '?'}, newer than this add-in (${health.schema.kind === 'newer' ? health.schema.current : '?'}). The pane is read-only so nothing a newer add-in wrote is damaged; update the add-in to record reviews here.`,
      };
      replaceChildren(
        body,
        h('p', { 'data-verdict': verdict, text: intro[verdict] }),
        h(
          'ul',
          { class: 'health-list' },
          ...TABLE_KEYS.map((key) =>
            h(
              'li',
              { 'data-table': key, 'data-state': health.tables[key].kind },
              h('span', { class: 'table-name', text: tableName(key) }),
              ...describeTable(health.tables[key], verdict === 'newer').map((line) =>
                h('span', { class: 'hint', text: line }),
              ),
            ),
          ),
        ),
        // Table-level sentences are covered per table above, and a newer schema by the intro;
        // keep the other workbook-level ones.
        ...health.messages
          .filter((m) => !TABLE_KEYS.some((k) => m.includes(tableName(k))))
          .filter((m) => verdict !== 'newer' || !/newer|schema version/i.test(m))
          .map((m) => h('p', { class: 'hint', text: m })),
      );
      repairButton.hidden =
        !(verdict === 'drifted' || verdict === 'blocked') || health.schema.kind === 'newer';
    },
  };
}

function versionText(health: WorkbookHealth): string {
  return health.schema.kind === 'current' ? String(health.schema.version) : health.schema.kind;
}
