/**
 * The whole-argument entry points behind the DESK custom functions, one module per function:
 * one call evaluates a single value or a 100,000-row range (see shared.ts for the two paths).
 */
export { convert } from './convert';
export { exitValue } from './exit-value';
export { mid } from './mid';
export { noteStatus } from './note-status';
export { premium } from './premium';
export { ratio } from './ratio';
export { spreadBps } from './spread-bps';
export { spreadCost } from './spread-cost';
export type { DeskError } from '../errors';
export { isRange } from '../grid';
