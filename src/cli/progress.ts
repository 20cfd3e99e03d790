/** A progress bar on stderr for long audits, only on a terminal (pipes and --json stay clean). */
import { SingleBar, Presets } from 'cli-progress';
import type { AuditProgress } from './audit/audit';

export function terminalProgress(stream: NodeJS.WriteStream): AuditProgress | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new SingleBar(
    {
      format: 'auditing {bar} {value}/{total} workbooks  {file}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    step: (file) => bar.increment(1, { file: file.length > 40 ? `…${file.slice(-39)}` : file }),
    stop: () => bar.stop(),
  };
}
