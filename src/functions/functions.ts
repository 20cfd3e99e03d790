/*
 * The DESK custom functions: thin wrappers from Excel's arguments to the core's whole-argument entry
 * points, and from the core's values and errors back to Excel (src/excel/function-errors.ts).
 *
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends one
 * CustomFunctions.associate(id, fn) per @customfunction to this entry at build time, so the
 * association lives with the metadata and cannot drift from it.
 *
 * Argument typing: every value argument is declared `unknown[][]`, which the metadata generator
 * emits as `"type": "any", "dimensionality": "matrix"`. Excel then hands the function a typed value
 * as a 1×1 matrix and a range as the whole 2-D array, in ONE call. A scalar declaration (`any`, or
 * a union such as `number | string`, which the generator also maps to scalar `any`) would make
 * Excel "lift" the function over a range instead: one call per cell (100,000 calls for a
 * 100,000-row column) and #N/A, not our #VALUE! message, for mismatched shapes. The result is
 * declared a matrix too, so a range result spills and a single value comes back as 1×1, which Excel
 * shows as a plain value. Omitted optional arguments arrive as null; the core treats null, undefined
 * and empty cells as missing.
 *
 * Runtime: JavaScript-only custom-functions runtime (manifest has no <Runtimes>). Nothing here
 * touches Office APIs or the DOM; the functions are pure and synchronous (no @volatile, no
 * @streaming), so they calculate whether or not the task pane is open.
 */
import {
  convert,
  exitValue,
  latestFromGrid,
  mid,
  noteStatus,
  premium,
  ratio,
  spreadBps,
  spreadCost,
  wallClockAsUtc,
  type Arg,
  type Zone,
} from '../core';
import { runFunction, type ExcelCell } from '../excel/function-errors';

/** The namespace the manifest declares (<Namespace resid> → "DESK"); `npm run validate` checks both agree. */
export const FUNCTION_NAMESPACE = 'DESK';

/** An instant → this machine's wall-clock time labelled as UTC (how Excel serials read). */
const localZone: Zone = (ms) => ms - new Date(ms).getTimezoneOffset() * 60_000;

/** What Excel passes for an `any` matrix parameter. */
type ExcelArg = unknown[][] | null | undefined;

/**
 * Excel delivers number, string, boolean or null per cell, and (functions.json carries the
 * generator's allowCustomDataForDataTypeAny) a data-type entity as an object. The core validates
 * every element itself and answers anything it cannot read with that cell's #VALUE!, so this
 * narrowing is a type assertion, not a check.
 */
const arg = (value: ExcelArg): Arg => value as Arg;

/**
 * Ratio of two prices, the numerator converted into the denominator's unit first. Price ranges such as "747,000-753,000 yuan/mt" mean their midpoint.
 * @customfunction RATIO
 * @param numerator Price on top of the ratio: a number, "1,640,000", or a range text with an optional unit ("1,640,000-1,660,000 yuan/mt"). A cell range gives one result per cell.
 * @param denominator Price below: same forms as numerator. Zero gives #DIV/0!.
 * @param [numerator_unit] Unit of the numerator (USD/kg, USD/t, CNY/kg, CNY/t, USD/lb; aliases yuan/mt, RMB/t, $/kg, USD/mt). When the price text carries a unit too, the two must agree.
 * @param [denominator_unit] Unit of the denominator, same list. With no units at all the ratio is a plain division.
 * @param [fx_cny_per_usd] FX rate in CNY per USD, needed only when the two units differ in currency. Must be positive.
 * @returns The numerator price divided by the denominator price.
 */
export function ratioFunction(
  numerator: unknown[][],
  denominator: unknown[][],
  numerator_unit?: unknown[][],
  denominator_unit?: unknown[][],
  fx_cny_per_usd?: unknown[][],
): unknown[][] {
  return run('RATIO', () =>
    ratio(
      arg(numerator),
      arg(denominator),
      arg(numerator_unit),
      arg(denominator_unit),
      arg(fx_cny_per_usd),
    ),
  );
}

/**
 * What crossing the bid/ask spread costs against the mid: (ask - bid) / 2 × legs × quantity.
 * @customfunction SPREAD_COST
 * @param bid Bid price (a single number, not a low-high range).
 * @param ask Ask price; must not be below the bid (a crossed quote is #VALUE!).
 * @param [quantity] Quantity traded, default 1. Must not be negative.
 * @param [legs] 1 (one way) or 2 (round trip: enter at the ask, exit at the bid), default 2.
 * @returns The cost of crossing the spread, in price × quantity units.
 */
export function spreadCostFunction(
  bid: unknown[][],
  ask: unknown[][],
  quantity?: unknown[][],
  legs?: unknown[][],
): unknown[][] {
  return run('SPREAD_COST', () => spreadCost(arg(bid), arg(ask), arg(quantity), arg(legs)));
}

/**
 * What the position would realise if sold now: the first bid_depth units at the bid, the rest at bid × (1 - depth_haircut), less fees and fixed costs.
 * @customfunction EXIT_VALUE
 * @param quantity Position size in the price's quantity unit. Must not be negative.
 * @param bid Bid price for the position.
 * @param [fee_rate] Fee as a fraction of gross proceeds, between 0 and 1. Default 0.
 * @param [fixed_costs] Storage, shipping, insurance: one number or a range of numbers, summed. Default 0.
 * @param [bid_depth] Units the bid absorbs at full price. Default: the whole quantity.
 * @param [depth_haircut] Price cut, as a fraction, for units beyond bid_depth. Default 0.
 * @returns Net exit value: gross × (1 - fee_rate) - fixed costs. Negative means the exit costs more than it brings.
 */
export function exitValueFunction(
  quantity: unknown[][],
  bid: unknown[][],
  fee_rate?: unknown[][],
  fixed_costs?: unknown[][],
  bid_depth?: unknown[][],
  depth_haircut?: unknown[][],
): unknown[][] {
  return run('EXIT_VALUE', () =>
    exitValue(
      arg(quantity),
      arg(bid),
      arg(fee_rate),
      arg(fixed_costs),
      arg(bid_depth),
      arg(depth_haircut),
    ),
  );
}

/**
 * Whether a research note may drive action: "research" (closeout incomplete), "watchlist" (a hard check fails) or "action".
 * @customfunction NOTE_STATUS
 * @param quote_time When the quote was taken: an Excel date or ISO text. Must not be after as_of.
 * @param spread_bps Bid/ask spread in basis points (see DESK.SPREAD_BPS).
 * @param ratio_change Fractional change of the watched ratio since the note was written (0.04 = +4%).
 * @param [as_of] Date of the review, an Excel date or ISO text. Default: now.
 * @param [expected_direction] "up", "down" or "flat": the move the note expects. Default "up".
 * @param [limits] A 1×3 range {max_age_days, max_spread_bps, ratio_tolerance}. Default {7, 300, 0.05}.
 * @param [source_state] "market", "mixed" or "indicative"; indicative quotes cannot carry action.
 * @param [closeout] The owner, open question, evidence request and review date cells, in that order; any blank sends the note back to research.
 * @param [explain] TRUE to follow the status with every failing check, e.g. "watchlist: source 12 days old (max 7)".
 * @returns "research", "watchlist" or "action" (with reasons when explain is TRUE).
 */
export function noteStatusFunction(
  quote_time: unknown[][],
  spread_bps: unknown[][],
  ratio_change: unknown[][],
  as_of?: unknown[][],
  expected_direction?: unknown[][],
  limits?: unknown[][],
  source_state?: unknown[][],
  closeout?: unknown[][],
  explain?: unknown[][],
): unknown[][] {
  // `now` is read here, at the edge, so the core stays pure; the function is deliberately not
  // volatile: it recalculates when its inputs change, like the rest of the desk's sheet.
  return run('NOTE_STATUS', () =>
    noteStatus(
      arg(quote_time),
      arg(spread_bps),
      arg(ratio_change),
      arg(as_of),
      arg(expected_direction),
      arg(limits),
      arg(source_state),
      arg(closeout),
      arg(explain),
      // Excel serials and offset-less ISO text are wall-clock times; "now" must be too, and so
      // must ISO text with Z or an offset (an instant), read in this machine's zone.
      wallClockAsUtc(new Date()),
      localZone,
    ),
  );
}

/**
 * Midpoint of a price or a price-range text ("3,600–4,000 yuan/mt" → 3800).
 * @customfunction MID
 * @param price A number, "747,000", or a range text such as "64.5 - 65.5 USD/kg"; a range typed high-low still means its midpoint.
 * @returns The midpoint as a number.
 */
export function midFunction(price: unknown[][]): unknown[][] {
  return run('MID', () => mid(arg(price)));
}

/**
 * Converts a price between units and currencies, optionally stripping VAT from a VAT-inclusive Chinese domestic price.
 * @customfunction CONVERT
 * @param price A number or price text (ranges mean their midpoint).
 * @param from_unit Unit of the price: USD/kg, USD/t, CNY/kg, CNY/t, USD/lb (aliases yuan/mt, RMB/t, $/kg, USD/mt).
 * @param to_unit Unit to convert into, same list.
 * @param [fx_cny_per_usd] FX rate in CNY per USD, required when converting between CNY and USD.
 * @param [vat_rate] VAT included in the price, as a fraction (0.13 is typical in China); stripped before converting.
 * @returns The price in to_unit.
 */
export function convertFunction(
  price: unknown[][],
  from_unit: unknown[][],
  to_unit: unknown[][],
  fx_cny_per_usd?: unknown[][],
  vat_rate?: unknown[][],
): unknown[][] {
  return run('CONVERT', () =>
    convert(arg(price), arg(from_unit), arg(to_unit), arg(fx_cny_per_usd), arg(vat_rate)),
  );
}

/**
 * Bid/ask spread in basis points of the mid: (ask - bid) / mid × 10,000.
 * @customfunction SPREAD_BPS
 * @param bid Bid price (a single number, not a low-high range).
 * @param ask Ask price; must not be below the bid.
 * @returns The spread in basis points.
 */
export function spreadBpsFunction(bid: unknown[][], ask: unknown[][]): unknown[][] {
  return run('SPREAD_BPS', () => spreadBps(arg(bid), arg(ask)));
}

/**
 * Premium of a price over a reference: price / reference - 1 (0.05 = 5% premium).
 * @customfunction PREMIUM
 * @param price The price paid or quoted (number or price text; ranges mean their midpoint).
 * @param reference The reference price, same forms. Zero gives #DIV/0!.
 * @returns The fractional premium (negative for a discount).
 */
export function premiumFunction(price: unknown[][], reference: unknown[][]): unknown[][] {
  return run('PREMIUM', () => premium(arg(price), arg(reference)));
}

/**
 * The latest price on or before a date from the desk's price history (DeskPrices): its mid, or another field. Never a price dated after as_of.
 * @customfunction LATEST
 * @param prices The price table with its header row, DeskPrices[#All]: columns are found by header (Price date, Price code, Product, Location basis, Price mid…) in any order; other columns may be added.
 * @param key A price code (MB-DY-0001), matched first, or a product (Dy oxide); case-insensitive. A range of keys gives one result per key.
 * @param [as_of] The date the price must be on or before: an Excel date or ISO text. A price dated by day counts from the start of that day. Default: now.
 * @param [field] What to return: "mid" (default), "low", "high", "date" (the Price date serial), "unit", "code" or "source" (the Source label).
 * @param [location_basis] Keep only prices at this location basis (fob China, cif Rotterdam, ex-warehouse Rotterdam, China domestic incl. VAT); needed when the key has prices at several.
 * @returns The field of the latest price dated on or before as_of; of several on that date, the last row in the table.
 */
export function latestFunction(
  prices: unknown[][],
  key: unknown[][],
  as_of?: unknown[][],
  field?: unknown[][],
  location_basis?: unknown[][],
): unknown[][] {
  // `now` and the zone are read at the edge, as for NOTE_STATUS; not volatile either.
  return run('LATEST', () =>
    latestFromGrid(
      arg(prices),
      arg(key),
      arg(as_of),
      arg(field),
      arg(location_basis),
      wallClockAsUtc(new Date()),
      localZone,
    ),
  );
}

/** Shared wrapper: evaluate in the core, map errors per cell (see function-errors.ts). */
function run(name: string, evaluate: Parameters<typeof runFunction>[1]): ExcelCell[][] {
  return runFunction(`DESK.${name}`, evaluate);
}
