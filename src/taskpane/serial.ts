/**
 * One pane's workbook operations, one after another: its receipt check and a submit never race
 * each other for the same rows below a table (a pane writes where it read the table ends).
 */
export type Serial = <T>(job: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
