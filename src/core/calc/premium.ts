import { fail, ok, type Result } from '../errors';
import type { D } from './decimal';
import { divide } from './decimal-fast';

/** price / reference − 1, computed as (price − reference) / reference so only one step rounds. */
export function premiumOf(price: D, reference: D): Result<D> {
  if (reference.isZero()) return fail('div0', 'reference is zero');
  return ok(divide(price.minus(reference), reference));
}
