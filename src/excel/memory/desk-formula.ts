/** The desk's one formula, evaluated in the in-memory workbook: Status now via the core's NOTE_STATUS. */
import { D, noteStatusOf } from '../../core';
import { dateFromExcelSerial, wallClockAsUtc } from '../../core/dates';
import { STATUS_NOW_FORMULA, triggerLimits } from '../../core/record/schema';
import type { FormulaEvaluator, Scalar } from './model';

/** Evaluates the Status now formula on its row with the core's NOTE_STATUS; other formulas are #NAME?. */
export const deskFormulaEvaluator: FormulaEvaluator = (formula, row) => {
  if (formula !== STATUS_NOW_FORMULA || row === null) return '#NAME?';
  const quote = row['Quote time'];
  const bps = row['Spread bps'];
  const change = row['Ratio change'];
  if (typeof quote !== 'number' || typeof bps !== 'number' || typeof change !== 'number')
    return '#VALUE!';
  const blank = (v: Scalar | undefined): string | null =>
    v === undefined || v === '' ? null : String(v);
  const direction = String(row['Expected direction'] ?? 'up');
  const state = String(row['Source state'] ?? '');
  const verdict = noteStatusOf({
    quoteTime: dateFromExcelSerial(quote),
    asOf: wallClockAsUtc(new Date()),
    spreadBps: new D(bps),
    ratioChange: new D(change),
    expectedDirection: (['up', 'down', 'flat'].includes(direction) ? direction : 'up') as
      'up' | 'down' | 'flat',
    limits: triggerLimits(row['Trigger type'], row['Threshold']),
    sourceState: (['market', 'mixed', 'indicative'].includes(state) ? state : null) as
      'market' | 'mixed' | 'indicative' | null,
    closeout: {
      owner: blank(row['Owner']),
      openQuestion: blank(row['Open question']),
      evidenceRequest: blank(row['Evidence request']),
      reviewDate: blank(row['Due date']),
    },
  });
  return verdict.ok ? verdict.value.status : '#VALUE!';
};
