#!/usr/bin/env node
/**
 * `npm run preview`: the real task pane against the in-memory workbook, in any browser.
 * Builds dist-preview/ when it is missing or older than the sources (`--rebuild` forces it),
 * then serves it on 127.0.0.1 with a tiny static server. Production dist/ never holds the preview.
 *   node scripts/preview.mjs [--port 3100] [--rebuild] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const outDir = join(root, 'dist-preview');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(option('--port', process.env.PORT ?? '3100'));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const page = join(outDir, 'preview.html');
  if (!existsSync(page)) return true;
  const built = statSync(page).mtimeMs;
  const inputs = [join(root, 'webpack.config.js'), join(root, 'package.json')].filter(existsSync);
  return newestMtime(join(root, 'src')) > built || inputs.some((p) => statSync(p).mtimeMs > built);
}

if (!flag('--no-build') && (flag('--rebuild') || needsBuild())) {
  console.log('Building the preview (webpack --mode production --env preview) ...');
  const webpack = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'webpack.cmd' : 'webpack',
  );
  const run = spawnSync(webpack, ['--mode', 'production', '--env', 'preview'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.log(
      `The preview build failed (exit ${run.status ?? run.signal}); see the webpack output above.`,
    );
    process.exit(1);
  }
}
if (!existsSync(join(outDir, 'preview.html'))) {
  console.log('dist-preview/preview.html is missing: the preview build did not produce it.');
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(302, { Location: '/preview.html' });
    res.end();
    return;
  }
  // Only files inside dist-preview: a "../" path never leaves it.
  const path = normalize(join(outDir, decodeURIComponent(url.pathname)));
  if (!path.startsWith(outDir + sep) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(path).pipe(res);
});

server.on('error', (e) => {
  console.log(
    `Could not serve the preview on 127.0.0.1:${port}: ${e.message}. Try --port <another>.`,
  );
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(
    `Metals Desk Record preview: http://127.0.0.1:${port}/preview.html  (Ctrl+C to stop)`,
  );
});
