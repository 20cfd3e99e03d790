import { isMissing } from '../grid/evaluate';
import type { Closeout } from './types';

const FIELDS: readonly [keyof Closeout, string][] = [
  ['owner', 'no owner'],
  ['openQuestion', 'no open question'],
  ['evidenceRequest', 'no evidence request'],
  ['reviewDate', 'no review date'],
];

/** Rule 1: a note is unfinished while any closeout cell is blank; each blank is named. */
export function closeoutGaps(closeout: Closeout | null): string[] {
  if (closeout === null) return [];
  const gaps: string[] = [];
  for (const [field, reason] of FIELDS) {
    const value = closeout[field];
    if (isMissing(value)) gaps.push(reason);
  }
  return gaps;
}
