/**
 * "747,000-753,000 yuan/mt" in Price low: Price low, Price high and Unit show what will be
 * written, without overwriting a Price high or Unit the user typed.
 */
import type { DraftFields } from '../../draft-store';
import { fieldKey } from '../../review-logic';
import type { FormContext } from './context';

export function splitPriceRange(
  ctx: FormContext,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
): void {
  const split = ctx.logic.splitPrice(input.value);
  const s = ctx.draft.snapshot;
  if (split === null || (s.priceHigh ?? '').trim() !== '') return;
  const next: DraftFields = { ...s, priceLow: split.low, priceHigh: split.high };
  if (split.unit !== null && (s.unit ?? '').trim() === '') next.unit = split.unit;
  const highKey = fieldKey('snapshot', 0, 'priceHigh');
  const high = ctx.handles.get(highKey);
  high?.details?.setAttribute('open', '');
  ctx.touched.add(highKey);
  ctx.update({ ...ctx.draft, snapshot: next });
  input.value = split.low;
  if (high) high.input.value = split.high;
  const unit = ctx.handles.get(fieldKey('snapshot', 0, 'unit'));
  if (unit && next.unit !== undefined) unit.input.value = next.unit;
  ctx.refresh();
}
