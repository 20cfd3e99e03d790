/**
 * The review form's logic on top of the core: fields from the schema, validation and rows from the
 * record builder, live previews from the same calculations the DESK functions use. No DOM here.
 */
import { D, toExcelNumber } from '../core/numbers/decimal';
import { exitValueOf } from '../core/operations/exit-value';
import { spreadBpsOf } from '../core/operations/spread-bps';
import { spreadCostOf } from '../core/operations/spread-cost';
import { parseDate, wallClockAsUtc } from '../core/dates';
import type { Result } from '../core/errors';
import { convertPrice } from '../core/operations/convert';
import { needsFx } from '../core/price/factor';
import { parseFx, parseNumber, parsePrice, parseRate, type ParsedPrice } from '../core/price/parse';
import { UNITS, unitOf, type Unit } from '../core/price/units';
import { buildReviewRows, parseCostSum, type FieldIssue } from '../core/record/build';
import {
  SUPPLY_CHAIN_FIELDS,
  SUPPLY_CHAIN_ROUTES,
  TABLES,
  triggerLimits,
} from '../core/record/schema';
import type { TableKey } from '../core/record/table-def';
import { evaluateNoteStatus } from '../core/status/rules';
import type { ReviewRows } from '../excel/workbook';
import { localDay, newDraft, type DraftFields, type ReviewDraft } from './draft-store';
import { formFields, TABLE_SECTION, type FieldDescriptor, type FormSection } from './form-model';
import {
  fieldKey,
  type ComputedItem,
  type FormIssue,
  type LiveLine,
  type ReviewLogic,
} from './review-logic';

function fieldsFor(key: TableKey): FieldDescriptor[] {
  return formFields(TABLES[key]);
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

export const TOO_LARGE = 'the number is too large for Excel';

function show(d: D, format = fmt): string {
  const n = toExcelNumber(d);
  return n.ok ? format.format(n.value) : TOO_LARGE;
}

/** A number for a computed line: the formatted value, or an error when Excel cannot hold it. */
function shown(d: D, format: Intl.NumberFormat): { text: string; intent: 'info' | 'error' } {
  const n = toExcelNumber(d);
  return n.ok
    ? { text: format.format(n.value), intent: 'info' }
    : { text: TOO_LARGE, intent: 'error' };
}

/** A decimal with thousands separators and every digit it has ("747,000", "64.125"). */
function grouped(d: D): string {
  const [int = '', frac] = d.toFixed().split('.');
  // Commas counted from the right in one pass (a lookahead regex rescans the digits at every place).
  let withCommas = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) withCommas += ',';
    withCommas += int.charAt(i);
  }
  return frac === undefined ? withCommas : `${withCommas}.${frac}`;
}

/** VAT on China domestic prices (13%), stripped before comparing with ex-VAT prices. */
export const CHINA_VAT_RATE = new D('0.13');
const VAT_BASIS = 'China domestic incl. VAT';

/** The DESK functions' argument names → the form's labels, for a core message shown in the pane. */
const FORM_WORDS: Readonly<Record<string, string>> = {
  quantity: 'Quantity',
  bid: 'Bid',
  ask: 'Ask',
  fee_rate: 'Exit fee rate',
  fixed_costs: 'Exit fixed costs',
  bid_depth: 'Bid depth',
  depth_haircut: 'Depth haircut',
  fx_cny_per_usd: 'FX rate (CNY per USD)',
  vat_rate: 'VAT rate',
};
export function inFormWords(message: string): string {
  return message.replace(
    /\b(quantity|bid|ask|fee_rate|fixed_costs|bid_depth|depth_haircut|fx_cny_per_usd|vat_rate)\b/g,
    (arg) => FORM_WORDS[arg] ?? arg,
  );
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
    const inclVat = draft.snapshot.locationBasis === VAT_BASIS;
    if (target === null || (target === unit && !inclVat)) return '';
    const fx = blank(draft.fx) ? null : parseFx(draft.fx, 'FX rate');
    if (fx && !fx.ok) return ` · ${fx.error.message}`;
    if (fx === null && needsFx(unit, target))
      return ` · type an FX rate (CNY per USD) under Price display to see it in ${target}`;
    const converted = convertPrice(
      mid,
      unit,
      target,
      fx?.value ?? null,
      inclVat ? CHINA_VAT_RATE : null,
    );
    if (!converted.ok) return ` · ${inFormWords(converted.error.message)}`;
    const vat = inclVat ? ' ex-VAT (13% China VAT removed)' : '';
    return ` ≈ ${show(converted.value)} ${target}${vat}`;
  }

  return {
    fields,
    units: UNITS,
    newDraft: () => newDraft(localDay(env.now())),
    splitPrice(text) {
      const parsed = blank(text) ? null : parsePrice(text, 'Price low');
      if (!parsed?.ok || !parsed.value.isRange) return null;
      const { low, high, unit } = parsed.value;
      return { low: grouped(low), high: grouped(high), unit };
    },
    requiredNow(draft) {
      const route = draft.exposure.exposureRoute ?? '';
      if (!(SUPPLY_CHAIN_ROUTES as readonly string[]).includes(route))
        return { fields: new Set(), reason: '' };
      return {
        fields: new Set(SUPPLY_CHAIN_FIELDS.map((f) => fieldKey('exposure', 0, f))),
        reason: `required for a ${route} exposure`,
      };
    },
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
      // What a blank trigger Spread bps becomes, as in the builder: the exposure's quote, a
      // bid/ask snapshot's, or 0 when there is no bid/ask anywhere.
      let defaultBps: D | null = spreadBps;
      if (blank(e.bid) || blank(e.ask)) {
        const snapQuote = price && !('error' in price) ? price.price : null;
        if (s.priceKind !== 'bid/ask') defaultBps = new D(0);
        else if (snapQuote) {
          const fromSnapshot = spreadBpsOf(snapQuote.low, snapQuote.high);
          defaultBps = fromSnapshot.ok ? fromSnapshot.value : null;
        } else defaultBps = null;
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
                value: shown(cost.value, money).text,
                detail: `round trip (2 legs)${spreadBps ? `; spread ${show(spreadBps, bps)} bps` : ''}`,
                intent: shown(cost.value, money).intent,
              }
            : {
                id: 'spread-cost',
                label: 'Spread cost',
                value: inFormWords(cost.error.message),
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
        const fixed = blank(e.fixedCosts)
          ? null
          : parseCostSum(e.fixedCosts as string, 'Exit fixed costs');
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
                  value: shown(exit.value, money).text,
                  intent: shown(exit.value, money).intent,
                }
              : {
                  id: 'exit-value',
                  label: 'Estimated exit value',
                  value: inFormWords(exit.error.message),
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
        const bps = bpsRaw ? (bpsRaw.ok ? bpsRaw.value : null) : defaultBps;
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
          // The trigger's Threshold sets its type's limit, as in the builder and Status now.
          limits: triggerLimits(t.triggerType, thresholdOf(t.threshold)),
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

/** A typed Threshold as a number ("1,000" too), or null when blank or unreadable. */
function thresholdOf(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const n = parseNumber(raw, 'Threshold');
  return n.ok ? n.value.toNumber() : null;
}
