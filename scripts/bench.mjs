#!/usr/bin/env node
// `npm run bench`: a production build first when dist/ is missing (bundle sizes need it), then
// `tsx bench/index.ts`, which runs every bench/*.bench.ts and prints one table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status || 1);
}

if (!existsSync(join(ROOT, 'dist', 'functions.js'))) {
  console.log('dist/ is missing: production build first (bundle sizes are measured on it).');
  run(bin('webpack'), ['--mode', 'production']);
}
// A 100k-row result is ~7 MB of one-cell row arrays: with V8's default 16 MB nursery the
// collector copies them mid-call and even the plain-number baseline scales ~20× from 10k to 100k
// rows. A 64 MB nursery lets time(100k)/time(10k) measure the code rather than the nursery size.
run(bin('tsx'), ['bench/index.ts'], {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim(),
});
