/**
 * `npm start` on a machine without sudo (containers, CI, many Linux set-ups): office-addin-dev-certs
 * writes the certificates but cannot trust its CA system-wide, and says so with a raw
 * "Error: Unable to install the CA certificate. /bin/sh: 1: sudo: not found". scripts/dev-certs.mjs
 * (what `npm start` runs first) must say it in one plain sentence, with how to trust ca.crt in the
 * browser, and still show any other error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(30_000);

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'dev-certs.mjs');

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'desk-certs-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

it('without sudo: writes the certificates and explains the CA in one sentence, no raw Error line', () => {
  // A PATH with node and sh only: sudo is absent here whatever this machine has installed.
  const bin = join(home, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync('/bin/sh', join(bin, 'sh'));
  const run = spawnSync(process.execPath, [SCRIPT], {
    env: { HOME: home, PATH: bin },
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status).toBe(0);
  expect(output).not.toMatch(/^Error/m);
  expect(output).not.toMatch(/sudo: not found/);
  const ca = join(home, '.office-addin-dev-certs', 'ca.crt');
  expect(output).toContain(
    'The development CA could not be installed system-wide (no sudo on this machine); to trust ' +
      `https://localhost, import ${ca} in your browser as a certificate authority (Chrome/Chromium:`,
  );
  for (const file of ['ca.crt', 'localhost.crt', 'localhost.key']) {
    expect(existsSync(join(home, '.office-addin-dev-certs', file))).toBe(true);
  }
});

it('keeps every other line of the tool, unexpected errors included', () => {
  const explain = (stderr: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { explainCertOutput } from ${JSON.stringify(SCRIPT)};` +
          'console.log(JSON.stringify(explainCertOutput(process.argv[1], "/h/ca.crt")));',
        stderr,
      ],
      { encoding: 'utf8' },
    );
  const noSudo = JSON.parse(
    explain('Error: Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n').stdout,
  );
  expect(noSudo).toMatchObject({ noSudo: true, rest: [] });
  const other = JSON.parse(
    explain('Error: Unable to install the CA certificate. sudo: a password is required\n').stdout,
  );
  expect(other).toEqual({
    noSudo: false,
    note: null,
    rest: ['Error: Unable to install the CA certificate. sudo: a password is required'],
  });
});
