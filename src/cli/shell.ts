/** The process edge: real streams, the clock, the exit code. Everything else is `main`. */
import { main } from './main';
import { terminalProgress } from './progress';

export function runFromShell(): void {
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    now: () => new Date(),
    progress: () => terminalProgress(process.stderr),
  }).then((code) => {
    process.exitCode = code;
  });
}
