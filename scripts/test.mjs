#!/usr/bin/env node
// `npm test`: every gate, in order, stopping at the first that fails (named, with its exit code).
//   typecheck → lint (eslint + prettier) → production build → preview build → manifest validation
//   → jest unit → jest e2e (only when a Chromium exists; otherwise a loud SKIPPED banner).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${'#'.repeat(width)}`);
  for (const l of lines) console.log(`# ${l.padEnd(width - 4)} #`);
  console.log(`${'#'.repeat(width)}\n`);
}

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${[command.replace(`${ROOT}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    const why = run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
    banner([`npm test FAILED at step: ${name} (${why}, ${seconds} s)`]);
    process.exit(run.status || 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint: eslint', bin('eslint'), ['.']);
step('lint: prettier', bin('prettier'), ['--check', '.']);
step('build (production)', bin('webpack'), ['--mode', 'production']);
if (existsSync(join(ROOT, 'src/taskpane/preview/preview.ts'))) {
  step('build (preview)', bin('webpack'), ['--mode', 'production', '--env', 'preview']);
} else {
  banner(['PREVIEW BUILD SKIPPED: src/taskpane/preview/preview.ts does not exist yet']);
}
step('validate manifest', process.execPath, [join(ROOT, 'scripts/validate-manifest.mjs')]);
// jest prints its own summary per project; each also writes JSON so the closing line can add them up.
mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
const jestJson = (project) => join(ROOT, 'test-artifacts', `jest-${project}.json`);
const jestArgs = (project) => [
  '--selectProjects',
  project,
  '--json',
  `--outputFile=${jestJson(project)}`,
];
step('jest unit', bin('jest'), jestArgs('unit'));
const chromium = chromiumPath();
if (chromium) {
  step('jest e2e', bin('jest'), jestArgs('e2e'), { CHROMIUM_PATH: chromium });
} else {
  banner([
    'E2E SKIPPED: no Chromium at /usr/bin/chromium (or $CHROMIUM_PATH).',
    'The task-pane browser tests did not run. Install Debian chromium',
    '(apt-get install chromium; .ci/run does this) and run npm test again.',
  ]);
}
console.log('\n✓ npm test: every step passed' + (chromium ? '' : ' (E2E SKIPPED: no Chromium)'));
const totals = ['unit', 'e2e']
  .filter((project) => existsSync(jestJson(project)) && (project === 'unit' || chromium))
  .map((project) => JSON.parse(readFileSync(jestJson(project), 'utf8')))
  .reduce(
    (sum, r) => ({
      passed: sum.passed + r.numPassedTests,
      failed: sum.failed + r.numFailedTests,
      skipped: sum.skipped + r.numPendingTests,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
console.log(
  `jest: ${totals.passed} passed, ${totals.failed} failed` +
    (totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''),
);
