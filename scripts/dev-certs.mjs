#!/usr/bin/env node
// The Office dev certificates for https://localhost (used by `npm start`; runnable alone:
// `node scripts/dev-certs.mjs`). `office-addin-dev-certs install` writes the three files, then runs
// `sudo` to trust its CA system-wide; without sudo (containers, CI, many Linux set-ups) it prints
// "Error: Unable to install the CA certificate. /bin/sh: 1: sudo: not found" and still exits 0.
// That case is expected, so it is told in one plain sentence; any other output passes through.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
export const CERTS = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => join(CERT_DIR, f));

/** `sh` could not find sudo (dash, bash and busybox wordings). */
const NO_SUDO =
  /^(?:Error: )?Unable to install the CA certificate\..*sudo:? (?:command )?not found/;

/** What to print for the tool's stderr: the no-sudo error becomes one sentence, the rest stays. */
export function explainCertOutput(stderr, caPath = CERTS[0]) {
  const lines = stderr.split(/\r?\n/).filter((line) => line.trim() !== '');
  const other = lines.filter((line) => !NO_SUDO.test(line));
  return {
    noSudo: other.length < lines.length,
    note:
      other.length < lines.length
        ? `The development CA could not be installed system-wide (no sudo on this machine); to ` +
          `trust https://localhost, import ${caPath} in your browser as a certificate authority ` +
          `(Chrome/Chromium: Settings > Privacy and security > Security > Manage certificates > ` +
          `Authorities > Import; Firefox: Settings > Certificates > View Certificates > ` +
          `Authorities > Import).`
        : null,
    rest: other,
  };
}

/** Creates the certificates if any is missing; exits 1 when they still are. */
export function ensureCertificates() {
  if (CERTS.every((f) => existsSync(f))) return;
  console.log('No Office dev certificates yet: running office-addin-dev-certs install.');
  const bin = join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'office-addin-dev-certs.cmd' : 'office-addin-dev-certs',
  );
  const run = spawnSync(bin, ['install', '--days', '365'], {
    cwd: ROOT,
    stdio: ['inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  const { note, rest } = explainCertOutput(run.stderr ?? '');
  if (rest.length > 0) console.error(rest.join('\n'));
  if (note) console.log(note);
  if (run.error) console.error(`✗ office-addin-dev-certs could not run: ${run.error.message}`);
  const missing = CERTS.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.error(`✗ still missing: ${missing.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCertificates();
}
