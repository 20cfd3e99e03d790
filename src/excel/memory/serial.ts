/**
 * Excel's 1900 date system, as the in-memory Excel needs it (display, NOW()): a serial counts
 * days from 1899-12-30, except before 1900-03-01, where Excel's phantom 1900-02-29 shifts it by one.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
const EARLY_EPOCH_MS = Date.UTC(1899, 11, 31);

/** A serial as the wall-clock date-time it shows (read with the getUTC… methods). */
export function dateOfSerial(serial: number): Date {
  const base = serial < 61 ? EARLY_EPOCH_MS : EPOCH_MS;
  return new Date(base + Math.round(serial * MS_PER_DAY));
}

/** NOW() as Excel computes it: this machine's wall-clock time as a serial. */
export function nowSerial(): number {
  const d = new Date();
  return (d.getTime() - d.getTimezoneOffset() * 60_000 - EPOCH_MS) / MS_PER_DAY;
}
