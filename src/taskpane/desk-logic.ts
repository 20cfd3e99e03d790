/**
 * The review form's logic on top of the core: fields from the schema, validation and rows from the
 * record builder, live previews from the same calculations the DESK functions use. No DOM here.
 */
import { D, toExcelNumber } from '../core/calc/decimal';
import { exitValueOf } from '../core/calc/exit-value';
import { spreadBpsOf } from '../core/calc/spread-bps';
import { spreadCostOf } from '../core/calc/spread-cost';
import { parseDate, wallClockAsUtc } from '../core/dates';
import type { Result } from '../core/errors';
import { convertPrice } from '../core/price/convert';
import { parseFx, parseNumber, parsePrice, parseRate, type ParsedPrice } from '../core/price/parse';
import { UNITS, unitOf, type Unit } from '../core/price/units';
import { buildReviewRows, type FieldIssue } from '../core/record/build';
import { TABLES } from '../core/record/schema';
import type { TableKey } from '../core/record/table-def';
import { evaluateNoteStatus } from '../core/status/note-status';
import { DEFAULT_LIMITS } from '../core/status/types';
import type { ReviewRows } from '../excel/workbook';
import type { DraftFields, ReviewDraft } from './draft-store';
import { formFields, TABLE_SECTION, type FieldDescriptor, type FormSection } from './form-model';
import {
  fieldKey,
  type ComputedItem,
  type FormIssue,
  type LiveLine,
  type ReviewLogic,
} from './review-logic';

/**
 * Trigger fields the builder fills when left blank (from the snapshot and exposure, or a
 * default): shown as optional in the form, with the default as the hint.
 */
const TRIGGER_DEFAULTS: Readonly<Record<string, string>> = {
  quoteTime: 'Blank: the snapshot’s quote time.',
  sourceState: 'Blank: the snapshot’s source state.',
  exposureRoute: 'Blank: the exposure’s route.',
  spreadBps: 'Blank: the exposure’s bid/ask spread in bps (or a bid/ask snapshot’s).',
  ratioChange: 'Blank: 0 (no change since the note was written).',
  expectedDirection: 'Blank: up.',
  state: 'Blank: open.',
};

/** Snapshot price fields: a range in Price low fills Price high and Unit, so Price high is optional in the form. */
const SNAPSHOT_OPTIONAL_IN_FORM = new Set(['priceHigh']);

function fieldsFor(key: TableKey): FieldDescriptor[] {
  return formFields(TABLES[key]).map((f) => {
    if (key === 'triggers' && f.key in TRIGGER_DEFAULTS) {
      // The schema's help may already name the default; add ours only when it does not.
      const help = /default/i.test(f.help)
        ? f.help
        : [f.help, TRIGGER_DEFAULTS[f.key]].filter(Boolean).join(' ');
      return { ...f, required: false, help };
    }
    if (key === 'snapshots' && SNAPSHOT_OPTIONAL_IN_FORM.has(f.key)) {
      return { ...f, required: false, help: f.help || 'Blank when Price low is a range.' };
    }
    return f;
  });
}

export interface DeskLogicEnv {
  readonly now: () => Date;
  readonly newId: () => string;
}

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const bps = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

function show(d: D, format = fmt): string {
  const n = toExcelNumber(d);
  return n.ok ? format.format(n.value) : d.toString();
}

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function optionalNumber(raw: string | undefined, name: string): Result<D> | null {
  return blank(raw) ? null : parseNumber(raw as string, name);
}

/** The price a snapshot states, read the way the builder reads it (a range in Price low, or low + high). */
function snapshotPrice(
  s: DraftFields,
): { price: ParsedPrice; unit: Unit | null } | { error: string } | null {
  if (blank(s.priceLow)) return null;
  const low = parsePrice(s.priceLow as string, 'Price low');
  if (!low.ok) return { error: low.error.message };
  let price = low.value;
  if (!price.isRange && !blank(s.priceHigh)) {
    const high = parsePrice(s.priceHigh as string, 'Price high');
    if (!high.ok) return { error: high.error.message };
    price = {
      low: price.mid,
      high: high.value.mid,
      mid: price.mid.plus(high.value.mid).div(2),
      unit: price.unit ?? high.value.unit,
      isRange: true,
    };
  }
  const typedUnit = blank(s.unit) ? null : unitOf(s.unit as string);
  return { price, unit: price.unit ?? typedUnit };
}

export function createDeskLogic(env: DeskLogicEnv): ReviewLogic {
  const fields: Record<FormSection, FieldDescriptor[]> = {
    snapshot: fieldsFor('snapshots'),
    exposure: fieldsFor('exposures'),
    triggers: fieldsFor('triggers'),
  };

  function convertLine(mid: D, unit: Unit | null, draft: ReviewDraft): string {
    const target = unitOf(draft.convertTo);
    if (unit === null) return ' · choose a Unit to convert';
    if (target === null || target === unit) return '';
    const fx = blank(draft.fx) ? null : parseFx(draft.fx, 'FX rate');
    if (fx && !fx.ok) return ` · ${fx.error.message}`;
    const converted = convertPrice(mid, unit, target, fx?.value ?? null);
    return converted.ok ? ` ≈ ${show(converted.value)} ${target}` : ` · ${converted.error.message}`;
  }

  return {
    fields,
    units: UNITS,
    build(draft, recordedBy) {
      const issues: FormIssue[] = [];
      if (recordedBy.trim() === '') {
        issues.push({
          section: 'pane',
          index: 0,
          field: 'recordedBy',
          message: 'Recorded by is required: type your name or initials',
        });
      }
      const built = buildReviewRows(
        { snapshot: draft.snapshot, exposure: draft.exposure, triggers: draft.triggers },
        { recordedBy: recordedBy.trim() || '-', now: env.now(), newId: env.newId },
      );
      if (!built.ok) issues.push(...built.issues.map(toFormIssue));
      if (issues.length > 0) return { ok: false, issues };
      if (!built.ok) return { ok: false, issues };
      const rows: ReviewRows = built.rows;
      return { ok: true, rows };
    },
    live(draft) {
      const lines: Record<string, LiveLine> = {};
      const computed: ComputedItem[] = [];
      const s = draft.snapshot;

      // Price: parsed mid and the converted value, as the user types.
      const price = snapshotPrice(s);
      if (price && 'error' in price) {
        lines[fieldKey('snapshot', 0, 'priceLow')] = { text: price.error, intent: 'error' };
      } else if (price) {
        const p = price.price;
        const unitText = price.unit ?? '(no unit)';
        const range = p.isRange ? `${show(p.low)}–${show(p.high)} → ` : '';
        lines[fieldKey('snapshot', 0, 'priceLow')] = {
          text: `${range}mid ${show(p.mid)} ${unitText}${convertLine(p.mid, price.unit, draft)}`,
          intent: 'info',
        };
        computed.push({
          id: 'price-mid',
          label: 'Price mid',
          value: `${show(p.mid)} ${unitText}${convertLine(p.mid, price.unit, draft)}`,
          intent: 'info',
        });
      } else {
        computed.push({
          id: 'price-mid',
          label: 'Price mid',
          value: 'type Price low (a number or a range)',
          intent: 'info',
        });
      }

      // Exposure: spread cost and exit value through the DESK functions' own calculations.
      const e = draft.exposure;
      const quantity = optionalNumber(e.quantity, 'Quantity');
      const bid = optionalNumber(e.bid, 'Bid');
      const ask = optionalNumber(e.ask, 'Ask');
      let spreadBps: D | null = null;
      if (bid?.ok && ask?.ok) {
        const bps = spreadBpsOf(bid.value, ask.value);
        if (bps.ok) spreadBps = bps.value;
      }
      if (quantity?.ok && bid?.ok && ask?.ok) {
        const cost = spreadCostOf({
          bid: bid.value,
          ask: ask.value,
          quantity: quantity.value,
          legs: new D(2),
        });
        computed.push(
          cost.ok
            ? {
                id: 'spread-cost',
                label: 'Spread cost',
                value: show(cost.value, money),
                detail: `round trip (2 legs)${spreadBps ? `; spread ${show(spreadBps, bps)} bps` : ''}`,
                intent: 'info',
              }
            : {
                id: 'spread-cost',
                label: 'Spread cost',
                value: cost.error.message,
                intent: 'error',
              },
        );
      } else {
        computed.push({
          id: 'spread-cost',
          label: 'Spread cost',
          value: 'needs Quantity, Bid and Ask',
          intent: 'info',
        });
      }
      if (quantity?.ok && bid?.ok) {
        const fee = blank(e.feeRate) ? null : parseRate(e.feeRate as string, 'Exit fee rate');
        const fixed = optionalNumber(e.fixedCosts, 'Exit fixed costs');
        const depth = optionalNumber(e.bidDepth, 'Bid depth');
        const haircut = blank(e.depthHaircut)
          ? null
          : parseRate(e.depthHaircut as string, 'Depth haircut');
        const bad = [fee, fixed, depth, haircut].find((r) => r !== null && !r.ok);
        if (bad && !bad.ok) {
          computed.push({
            id: 'exit-value',
            label: 'Estimated exit value',
            value: bad.error.message,
            intent: 'error',
          });
        } else {
          const exit = exitValueOf({
            quantity: quantity.value,
            bid: bid.value,
            feeRate: fee?.ok ? fee.value : new D(0),
            fixedCosts: fixed?.ok ? [fixed.value] : [],
            bidDepth: depth?.ok ? depth.value : null,
            depthHaircut: haircut?.ok ? haircut.value : new D(0),
          });
          computed.push(
            exit.ok
              ? {
                  id: 'exit-value',
                  label: 'Estimated exit value',
                  value: show(exit.value, money),
                  intent: 'info',
                }
              : {
                  id: 'exit-value',
                  label: 'Estimated exit value',
                  value: exit.error.message,
                  intent: 'error',
                },
          );
        }
      } else {
        computed.push({
          id: 'exit-value',
          label: 'Estimated exit value',
          value: 'needs Quantity and Bid',
          intent: 'info',
        });
      }

      // Note status per trigger, with the builder's defaults, evaluated now (the value stored as Status at record).
      const asOf = wallClockAsUtc(env.now());
      draft.triggers.forEach((t, index) => {
        const label = `Status at record · Trigger ${index + 1}`;
        const id = `status-${index}`;
        const quoteRaw = blank(t.quoteTime) ? s.quoteTime : t.quoteTime;
        const quote = blank(quoteRaw) ? null : parseDate(quoteRaw as string, 'Quote time');
        const bpsRaw = blank(t.spreadBps) ? null : parseNumber(t.spreadBps as string, 'Spread bps');
        const ratioRaw = blank(t.ratioChange)
          ? null
          : parseNumber(t.ratioChange as string, 'Ratio change');
        const bps = bpsRaw ? (bpsRaw.ok ? bpsRaw.value : null) : spreadBps;
        const ratio = ratioRaw ? (ratioRaw.ok ? ratioRaw.value : null) : new D(0);
        if (!quote || !quote.ok) {
          computed.push({
            id,
            label,
            value: 'needs a Quote time (snapshot or trigger)',
            intent: 'info',
          });
          return;
        }
        if (bps === null || ratio === null) {
          computed.push({
            id,
            label,
            value:
              bps === null
                ? 'needs Spread bps (or the exposure’s Bid and Ask)'
                : 'needs a readable Ratio change',
            intent: 'info',
          });
          return;
        }
        const dir = (blank(t.expectedDirection) ? 'up' : t.expectedDirection) as
          'up' | 'down' | 'flat';
        const source = (blank(t.sourceState) ? s.sourceState : t.sourceState) ?? '';
        const verdict = evaluateNoteStatus({
          quoteTime: quote.value,
          asOf,
          spreadBps: bps,
          ratioChange: ratio,
          expectedDirection: dir,
          limits: DEFAULT_LIMITS,
          sourceState:
            source === 'market' || source === 'mixed' || source === 'indicative' ? source : null,
          closeout: {
            owner: blank(t.owner) ? null : (t.owner as string),
            openQuestion: blank(t.openQuestion) ? null : (t.openQuestion as string),
            evidenceRequest: blank(t.evidenceRequest) ? null : (t.evidenceRequest as string),
            reviewDate: blank(t.dueDate) ? null : (t.dueDate as string),
          },
        });
        computed.push({
          id,
          label,
          value: verdict.status,
          status: verdict.status,
          ...(verdict.reasons.length ? { detail: verdict.reasons.join('; ') } : {}),
          intent: 'info',
        });
      });
      return { fields: lines, computed };
    },
  };
}

function toFormIssue(issue: FieldIssue): FormIssue {
  if (issue.field === 'recordedBy')
    return { section: 'pane', index: 0, field: 'recordedBy', message: issue.message };
  return {
    section: TABLE_SECTION[issue.table],
    index: issue.index,
    field: issue.field,
    message: issue.message,
  };
}
