/**
 * The review form's logic on top of the core: fields from the schema, and one record build per
 * draft that gives the rows, every issue and every value the form shows (price, spread cost, exit
 * value, each trigger's status). This module only maps that build to the form's words. No DOM here.
 */
import {
  buildReview,
  D,
  parsePrice,
  restamp,
  statusIssue,
  SUPPLY_CHAIN_FIELDS,
  SUPPLY_CHAIN_ROUTES,
  TABLES,
  toExcelNumber,
  UNITS,
  CHINA_VAT_RATE as CORE_CHINA_VAT_RATE,
  type ConvertedPrice,
  type FieldIssue,
  type ReviewBuild,
  type ReviewDerived,
  type TriggerStatus,
} from '../core';
import { localDay, newDraft, type ReviewDraft } from './draft-store';
import { formFields, TABLE_SECTION, type FieldDescriptor, type FormSection } from './form-model';
import {
  fieldKey,
  type ComputedItem,
  type FormIssue,
  type LiveLine,
  type ReviewLogic,
} from './review-logic';

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

/** VAT on China domestic prices (13%): the core's rate, kept under its old name here. */
export const CHINA_VAT_RATE = CORE_CHINA_VAT_RATE;

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

/** The converted price as the line after the mid says it. */
function convertLine(converted: ConvertedPrice | null): string {
  if (converted === null) return '';
  switch (converted.kind) {
    case 'none':
      return '';
    case 'needs-unit':
      return ' · choose a Unit to convert';
    case 'needs-fx':
      return ` · type an FX rate (CNY per USD) under Price display to see it in ${converted.to}`;
    case 'refused':
      return ` · ${inFormWords(converted.message)}`;
    case 'value': {
      const vat = converted.exVat ? ' ex-VAT (13% China VAT removed)' : '';
      return ` ≈ ${show(converted.value)} ${converted.to}${vat}`;
    }
  }
}

/** The price line under Price low and the Price mid card. */
function priceView(d: ReviewDerived, lines: Record<string, LiveLine>, computed: ComputedItem[]) {
  const key = fieldKey('snapshot', 0, 'priceLow');
  if (d.price === null) {
    computed.push({
      id: 'price-mid',
      label: 'Price mid',
      value: 'type Price low (a number or a range)',
      intent: 'info',
    });
  } else if ('error' in d.price) {
    lines[key] = { text: d.price.error, intent: 'error' };
  } else {
    const p = d.price.price;
    const unitText = d.price.unit ?? '(no unit)';
    const range = p.isRange ? `${show(p.low)}–${show(p.high)} → ` : '';
    const converted = convertLine(d.converted);
    lines[key] = { text: `${range}mid ${show(p.mid)} ${unitText}${converted}`, intent: 'info' };
    computed.push({
      id: 'price-mid',
      label: 'Price mid',
      value: `${show(p.mid)} ${unitText}${converted}`,
      intent: 'info',
    });
  }
}

/** Spread cost and exit value, as the builder computed them. */
function exposureView(d: ReviewDerived, computed: ComputedItem[]): void {
  const { spreadCost, exitValue, spreadBps } = d.exposure;
  if (spreadCost === null) {
    computed.push({
      id: 'spread-cost',
      label: 'Spread cost',
      value: 'needs Quantity, Bid and Ask',
      intent: 'info',
    });
  } else if (spreadCost.ok) {
    const cost = shown(spreadCost.value, money);
    computed.push({
      id: 'spread-cost',
      label: 'Spread cost',
      value: cost.text,
      detail: `round trip (2 legs)${spreadBps ? `; spread ${show(spreadBps, bps)} bps` : ''}`,
      intent: cost.intent,
    });
  } else {
    computed.push({
      id: 'spread-cost',
      label: 'Spread cost',
      value: inFormWords(spreadCost.error.message),
      intent: 'error',
    });
  }
  const label = 'Estimated exit value';
  if (exitValue === null) {
    computed.push({ id: 'exit-value', label, value: 'needs Quantity and Bid', intent: 'info' });
  } else if ('input' in exitValue) {
    computed.push({ id: 'exit-value', label, value: exitValue.message, intent: 'error' });
  } else if (exitValue.ok) {
    const exit = shown(exitValue.value, money);
    computed.push({ id: 'exit-value', label, value: exit.text, intent: exit.intent });
  } else {
    const value = inFormWords(exitValue.error.message);
    computed.push({ id: 'exit-value', label, value, intent: 'error' });
  }
}

const NEEDS: Readonly<Record<'quoteTime' | 'spreadBps' | 'ratioChange', string>> = {
  quoteTime: 'needs a Quote time (snapshot or trigger)',
  spreadBps: 'needs Spread bps (or the exposure’s Bid and Ask)',
  ratioChange: 'needs a readable Ratio change',
};

const triggerHeader = (field: string): string =>
  (TABLES.triggers.columns as Readonly<Record<string, { header: string }>>)[field]?.header ?? field;

/** One trigger's Status at record card: the status the row will be written with, and why. */
function statusItem(status: TriggerStatus, index: number): ComputedItem {
  const label = `Status at record · Trigger ${index + 1}`;
  const id = `status-${index}`;
  if ('needs' in status) return { id, label, value: NEEDS[status.needs], intent: 'info' };
  if (!status.verdict.ok) {
    const value = statusIssue(status.verdict.error.message, triggerHeader).message;
    return { id, label, value, intent: 'error' };
  }
  const { status: value, reasons } = status.verdict.value;
  return {
    id,
    label,
    value,
    status: value,
    ...(reasons.length ? { detail: reasons.join('; ') } : {}),
    intent: 'info',
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

/**
 * A build is reused for the same draft while it is this fresh: a keystroke's preview and issues
 * and the submit that follows share one build, and Status at record is never older than this.
 */
const REUSE_MS = 60_000;

export function createDeskLogic(env: DeskLogicEnv): ReviewLogic {
  const fields: Record<FormSection, FieldDescriptor[]> = {
    snapshot: formFields(TABLES.snapshots),
    exposure: formFields(TABLES.exposures),
    triggers: formFields(TABLES.triggers),
  };

  let last: { readonly key: string; readonly at: number; readonly built: ReviewBuild } | null =
    null;
  /** The one build of this draft (the form calls live and build for every change). */
  function built(draft: ReviewDraft): ReviewBuild {
    const display = { convertTo: draft.convertTo, fx: draft.fx };
    const input = { snapshot: draft.snapshot, exposure: draft.exposure, triggers: draft.triggers };
    const key = JSON.stringify([input, display]);
    const now = env.now();
    if (last !== null && last.key === key && Math.abs(now.getTime() - last.at) < REUSE_MS)
      return last.built;
    const build = buildReview({ ...input, display }, { recordedBy: '-', now, newId: env.newId });
    last = { key, at: now.getTime(), built: build };
    return build;
  }

  return {
    fields,
    units: UNITS,
    newDraft: () => newDraft(localDay(env.now())),
    splitPrice(text) {
      const parsed = text.trim() === '' ? null : parsePrice(text, 'Price low');
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
      const build = built(draft);
      if (!build.ok) issues.push(...build.issues.map(toFormIssue));
      if (issues.length > 0 || !build.ok) return { ok: false, issues };
      // The rows of this build, stamped now: fresh ids, the submit's time and who records it.
      const stamped = restamp(build.rows, {
        recordedBy: recordedBy.trim(),
        now: env.now(),
        newId: env.newId,
      });
      if (!stamped.ok) return { ok: false, issues: stamped.issues.map(toFormIssue) };
      return { ok: true, rows: stamped.rows };
    },
    live(draft) {
      const lines: Record<string, LiveLine> = {};
      const computed: ComputedItem[] = [];
      const d = built(draft).derived;
      priceView(d, lines, computed);
      exposureView(d, computed);
      d.triggers.forEach((status, index) => computed.push(statusItem(status, index)));
      return { fields: lines, computed };
    },
  };
}
