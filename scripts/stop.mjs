#!/usr/bin/env node
// `npm stop`: Windows / macOS: office-addin-debugging stops the dev server and removes the
// sideloaded add-in. Linux: stops the dev server `npm start` recorded (by its pid, nothing else).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PID_FILE = join(ROOT, 'node_modules', '.cache', 'desk-dev-server.pid');

if (process.platform === 'win32' || process.platform === 'darwin') {
  const tool = join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging',
  );
  const result = spawnSync(tool, ['stop', 'manifest.xml'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (!existsSync(PID_FILE)) {
  console.log('No dev server recorded by `npm start` (nothing to stop).');
  process.exit(0);
}
const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
try {
  process.kill(pid, 'SIGTERM');
  console.log(`Stopped the dev server (pid ${pid}).`);
} catch (err) {
  console.log(`The recorded dev server (pid ${pid}) is not running (${err.code}).`);
}
rmSync(PID_FILE, { force: true });
