/** The process edge: real streams, the clock, the exit code. Everything else is `main`. */
import { main } from './main';
import { terminalProgress } from './progress';

export function runFromShell(): void {
  // A reader that stops early (`desk-record audit --json … | head`) closes the pipe: stop quietly,
  // as other command-line tools do, rather than with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  void main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    now: () => new Date(),
    progress: () => terminalProgress(process.stderr),
  }).then((code) => {
    process.exitCode = code;
  });
}
