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

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status || 1);
}

if (!existsSync(join(ROOT, 'dist', 'functions.js'))) {
  console.log('dist/ is missing: production build first (bundle sizes are measured on it).');
  run(bin('webpack'), ['--mode', 'production']);
}
run(bin('tsx'), ['bench/index.ts']);
