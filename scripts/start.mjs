#!/usr/bin/env node
// `npm start`.
//  Windows / macOS: office-addin-debugging builds, serves https://localhost:3000 and sideloads
//    manifest.xml into Excel desktop.
//  Linux (no Excel desktop): builds, serves https://localhost:3000 with the Office dev certificates
//    and prints how to sideload manifest.xml into Excel on the web. It sideloads nothing itself and
//    never says it did (office-addin-debugging prints "Platform not supported: linux" and exits 0).
// Either way the development build lives in dist-dev/ (what the server serves); dist/ is only ever
// written by `npm run build`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CERTS, ensureCertificates } from './dev-certs.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const PORT = Number(process.env.DESK_DEV_PORT || 3000);
const PID_FILE = join(ROOT, 'node_modules', '.cache', 'desk-dev-server.pid');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `\n✗ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status || 1);
  }
}

function desktop() {
  // office-addin-debugging starts `npm run dev-server` itself, waits for the port, then sideloads.
  run(bin('webpack'), ['--mode', 'development']);
  run(bin('office-addin-debugging'), [
    'start',
    'manifest.xml',
    'desktop',
    '--app',
    'excel',
    '--dev-server',
    'npm run dev-server',
    '--dev-server-port',
    String(PORT),
  ]);
}

function ping(url) {
  return new Promise((done) => {
    const req = request(url, { ca: readFileSync(CERTS[0]), timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function linux() {
  ensureCertificates();
  // Fail fast, with the compiler's own message, before a server starts; the server then rebuilds
  // into the same dist-dev/ on every change.
  run(bin('webpack'), ['--mode', 'development', '--stats', 'errors-warnings']);
  const server = spawn(bin('webpack'), ['serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(server.pid));
  const cleanup = () => rmSync(PID_FILE, { force: true });
  server.on('exit', (code) => {
    cleanup();
    process.exit(code ?? 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

  const manifestUrl = `https://localhost:${PORT}/manifest.xml`;
  for (let i = 0; i < 120 && !(await ping(manifestUrl)); i++)
    await new Promise((r) => setTimeout(r, 500));
  if (!(await ping(manifestUrl))) {
    console.error(
      `✗ the dev server did not answer at ${manifestUrl} within a minute; stopping it.`,
    );
    server.kill('SIGTERM');
    return;
  }
  const manifest = join(ROOT, 'manifest.xml');
  console.log(`
================================================================================
 Serving the development build (dist-dev/: functions.js, functions.json,
 taskpane.html, commands.html, assets/) at https://localhost:${PORT}/.
 NOTHING HAS BEEN SIDELOADED: Excel desktop does not exist on Linux. To use it
 in Excel on the web:

 1. On this machine, trust the dev CA once so the browser accepts localhost:
      ${CERTS[0]}
    (Chromium/Chrome: Settings > Privacy and security > Security > Manage
    certificates > Authorities > Import, tick "Trust this certificate for
    identifying websites"; Firefox: Settings > Certificates > View > Authorities
    > Import). Check: https://localhost:${PORT}/functions.html loads without a warning.
 2. Open Excel on the web (https://www.office.com > Excel) and open or create a
    workbook stored in OneDrive or SharePoint.
 3. Home > Add-ins > More Add-ins (older layouts: Insert > Add-ins / Office
    Add-ins) > My Add-ins > Upload My Add-in (under "Manage My Add-ins").
 4. Browse to ${manifest}
    and choose Upload.
 5. The Home tab gets a "Metals Desk" group with a "Desk Record" button (opens
    the task pane). In a cell type =DESK.RATIO("1,640,000-1,660,000 yuan/mt",
    "747,000-753,000 yuan/mt") and expect 2.2.
 The upload lasts for the browser session; repeat step 3-4 after clearing it.
 Stop the server with Ctrl+C or \`npm stop\`.
================================================================================
`);
}

if (process.platform === 'win32' || process.platform === 'darwin') desktop();
else await linux();
