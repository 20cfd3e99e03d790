/*
 * Builds the add-in (functions, task pane, ribbon commands, functions.json, manifest, icons, the
 * generated tokens.css) and, with `--env preview`, the offline task-pane preview. Each kind of build
 * has its own folder, so dist/ only ever holds what `npm run build` made:
 *
 *   npm run build          production dist/, manifest URLs rewritten to $DESK_ORIGIN
 *   npm run build:dev      development dist-dev/, manifest keeps https://localhost:3000/
 *   npm run watch          the same, rebuilt on every change
 *   npm run dev-server     serves (and writes) dist-dev/ on https://localhost:3000 with the Office
 *                          dev certificates; `npm start` runs it
 *   npm run build:preview  dist-preview/preview.html (never part of dist/)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { FluentTokensCss } = require('./scripts/fluent-tokens.cjs');

const DEV_ORIGIN = 'https://localhost:3000/';
/** Where production dist/ is hosted. The default is a placeholder: set DESK_ORIGIN before deploying. */
const PRODUCTION_ORIGIN = withSlash(process.env.DESK_ORIGIN || 'https://desk.example.com/');
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const TASKPANE_CSS = path.resolve(__dirname, 'src/taskpane/taskpane.css');

function withSlash(origin) {
  return origin.endsWith('/') ? origin : `${origin}/`;
}

/** TypeScript: type-checking is `tsc --noEmit` (npm test); here only transpile, as ES modules so webpack can tree-shake. */
const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      // rootDir: TypeScript 6 asks for it when outDir is set (ts-loader never writes there anyway).
      compilerOptions: { module: 'es2020', sourceMap: true, rootDir: __dirname },
    },
  },
};

/**
 * The core has no module-level side effects (only definitions), so webpack may drop whatever an
 * entry does not use: the functions bundle keeps the pricing path and leaves the zod record schema
 * out even though src/core/index.ts re-exports both.
 */
const pureCoreRule = { test: /[\\/]src[\\/]core[\\/].*\.ts$/, sideEffects: false };

function common(mode, outDir) {
  return {
    mode,
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule, pureCoreRule] },
    output: { path: outDir, filename: '[name].js', clean: true },
    // Each entry is self-contained: Excel loads functions.js by itself (the manifest's Script URL),
    // so it cannot depend on a shared chunk that only an HTML page would load.
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

function addinConfig(mode, serving) {
  const production = mode === 'production';
  const dist = path.resolve(__dirname, production ? 'dist' : 'dist-dev');
  const taskpaneEntry = './src/taskpane/taskpane.ts';
  return {
    ...common(mode, dist),
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: taskpaneEntry,
      commands: './src/commands/commands.ts',
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new HtmlWebpackPlugin({
        filename: 'functions.html',
        template: './src/functions/functions.html',
        chunks: ['functions'],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new FluentTokensCss({ css: [TASKPANE_CSS] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/*.css', to: '[name][ext]', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              // Development keeps localhost (what `npm start` serves); production points at the host.
              const xml = content.toString();
              return production ? xml.split(DEV_ORIGIN).join(PRODUCTION_ORIGIN) : xml;
            },
          },
        ],
      }),
    ],
    devServer: serving ? devServer() : undefined,
  };
}

function previewConfig(mode) {
  const dir = path.resolve(__dirname, 'src/taskpane/preview');
  const entry = path.join(dir, 'preview.ts');
  const template = path.join(dir, 'preview.html');
  const missing = [entry, template].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `preview build: missing ${missing.map((f) => path.relative(__dirname, f)).join(', ')} ` +
        '(the task-pane preview page is written in src/taskpane/preview/)',
    );
  }
  return {
    ...common(mode, path.resolve(__dirname, 'dist-preview')),
    entry: { preview: entry },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'preview.html', template, chunks: ['preview'] }),
      new FluentTokensCss({ css: [TASKPANE_CSS, path.join(dir, 'preview.css')] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/*.css', to: '[name][ext]', noErrorOnMissing: true },
          { from: 'src/taskpane/preview/*.css', to: '[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
  };
}

/** https://localhost:3000 with the certificates `office-addin-dev-certs install` writes (read directly: getHttpsServerOptions crashed here). */
function devServer() {
  const files = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(CERT_DIR, f));
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `dev server: no Office dev certificates (${missing.join(', ')}). ` +
        'Run `npx office-addin-dev-certs install` (or `npm start`, which does it) and retry.',
    );
  }
  const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
  return {
    // Only this machine: the certificates are for localhost, and the build is nobody else's business.
    host: 'localhost',
    port: Number(process.env.DESK_DEV_PORT || 3000),
    server: { type: 'https', options: { ca, cert, key } },
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    // What is served is also on disk in dist-dev/, so it can be inspected or validated
    // (`npm run validate -- --dist dist-dev manifest.xml`).
    devMiddleware: { writeToDisk: true },
    // No hot reload or dev client: the JavaScript-only custom-functions runtime has no DOM or
    // WebSocket for webpack's client code, and a reload inside Office would not pick it up anyway.
    hot: false,
    liveReload: false,
    client: false,
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  if (env.preview) return previewConfig(mode);
  return addinConfig(mode, Boolean(env.WEBPACK_SERVE));
};
