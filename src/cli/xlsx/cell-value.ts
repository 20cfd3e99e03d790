/**
 * An ExcelJS cell value → the value Office.js's `Range.values` gives for that cell, which is what
 * the core's readers take: numbers (dates as serials), text, booleans, '' for an empty cell, a
 * formula's cached result (or '' when none was saved), an error as its text ('#NAME?').
 */
import { excelSerialFromDate } from '../../core';

export type PlainCell = string | number | boolean;

export function plainCell(v: unknown): PlainCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  // ExcelJS turns a number under a date format into a Date (the serial read as UTC, as ours are).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : excelSerialFromDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plainCell(o.result);
    if (Array.isArray(o.richText))
      return o.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('text' in o) return plainCell(o.text);
  }
  return String(v);
}
