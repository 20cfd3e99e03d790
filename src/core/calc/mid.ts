import type { ParsedPrice } from '../price/parse';
import type { D } from './decimal';

/** The midpoint of a price or range (parsing already computed it; kept here so MID reads like the others). */
export function midOf(price: ParsedPrice): D {
  return price.mid;
}
