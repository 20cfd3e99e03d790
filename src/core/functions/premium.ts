import { premiumExact } from '../calc/fast';
import { premiumOf } from '../calc/premium';
import { deskError } from '../errors';
import { evaluateGrid, type Arg, type Cell, type Output, type Scalar } from '../grid';
import { parsePriceCached } from '../price/parse';
import { cell, readPrice, reader, usable } from './shared';

const readReference = reader(parsePriceCached, 'reference');

function premiumElement(v: Scalar[]): Cell {
  const p = v[0];
  const r = v[1];
  if (typeof p === 'number' && typeof r === 'number' && p >= 0 && r > 0) {
    const x = premiumExact(p, r);
    if (usable(x)) return x;
  }
  const price = readPrice(p);
  if (!price.ok) return price.error;
  const reference = readReference(r);
  if (!reference.ok) return reference.error;
  if (
    price.value.unit !== null &&
    reference.value.unit !== null &&
    price.value.unit !== reference.value.unit
  ) {
    return deskError(
      'value',
      `price is in ${price.value.unit} but reference is in ${reference.value.unit}; convert one first (DESK.CONVERT)`,
    );
  }
  if (
    price.value.midPlaces >= 0 &&
    reference.value.midPlaces >= 0 &&
    reference.value.midNumber > 0
  ) {
    const x = premiumExact(price.value.midNumber, reference.value.midNumber);
    if (usable(x)) return x;
  }
  return cell(premiumOf(price.value.mid, reference.value.mid));
}

/** DESK.PREMIUM: price / reference − 1. */
export function premium(price: Arg, reference: Arg): Output {
  return evaluateGrid([price, reference], ['price', 'reference'], premiumElement);
}
