#!/usr/bin/env node
// Offline manifest validation (Microsoft's `office-addin-manifest validate` needs its web service).
//
//   npm run validate                       checks manifest.xml (what `npm start` sideloads) and
//                                          dist/manifest.xml (what `npm run build` ships)
//   node scripts/validate-manifest.mjs [--dist DIR] [--functions-source FILE] [MANIFEST ...]
//
// 1. XSD: the patched schema set in ../shared/schemas/office-addin-manifest/current/ + local/
//    (or $DESK_MANIFEST_XSD_DIR), with xmllint-wasm, else Debian's xmllint (DESK_XSD_TOOL=xmllint
//    forces it). No XSDs → says so plainly and skips only that check.
// 2. Project checks: every resid resolves to a resource of the right kind, every URL points at a
//    file the build emits (in dist/), a <Namespace> is present and matches the one functions.ts
//    declares, and dist/functions.json's ids agree with the @customfunction tags in functions.ts.
// Every problem is printed as file:line: <Element>: message; any problem exits 1.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEV_ORIGIN = 'https://localhost:3000/';
const PRODUCTION_ORIGIN = withSlash(process.env.DESK_ORIGIN || 'https://desk.example.com/');

function withSlash(origin) {
  return origin.endsWith('/') ? origin : `${origin}/`;
}

// ---------- arguments ----------
function parseArgs(argv) {
  const opts = {
    dist: join(ROOT, 'dist'),
    functionsSource: join(ROOT, 'src/functions/functions.ts'),
    manifests: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') opts.dist = resolve(argv[++i]);
    else if (a === '--functions-source') opts.functionsSource = resolve(argv[++i]);
    else opts.manifests.push(resolve(a));
  }
  if (opts.manifests.length === 0)
    opts.manifests = [join(ROOT, 'manifest.xml'), join(opts.dist, 'manifest.xml')];
  return opts;
}

// ---------- a small XML reader that keeps line numbers ----------
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ENTITIES[e],
  );

/** Parses `xml` into a tree of { name (local), attrs, line, children, parent }; throws { line, message } on malformed XML. */
function parseXml(xml) {
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < xml.length; i++) if (xml[i] === '\n') starts.push(i + 1);
    return (index) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const m = (lo + hi + 1) >> 1;
        if (starts[m] <= index) lo = m;
        else hi = m - 1;
      }
      return lo + 1;
    };
  })();
  const root = { name: '#document', attrs: {}, line: 1, children: [], parent: null };
  let current = root;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<[^>]*>?/g;
  let match;
  while ((match = token.exec(xml))) {
    const [text, closeName, openName, attrText, selfClose] = match;
    const line = lineAt(match.index);
    if (
      text.startsWith('<!--') ||
      text.startsWith('<?') ||
      text.startsWith('<![CDATA[') ||
      text.startsWith('<!DOCTYPE')
    )
      continue;
    if (closeName) {
      if (current === root || current.qname !== closeName) {
        throw {
          line,
          message: `closing tag </${closeName}> does not match <${current.qname ?? '(none)'}>`,
        };
      }
      current = current.parent;
      continue;
    }
    if (!openName) throw { line, message: `malformed markup ${JSON.stringify(text.slice(0, 40))}` };
    const attrs = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
    const el = {
      name: openName.replace(/^.*:/, ''),
      qname: openName,
      attrs,
      line,
      children: [],
      parent: current,
    };
    current.children.push(el);
    if (!selfClose) current = el;
  }
  if (current !== root) throw { line: current.line, message: `<${current.qname}> is never closed` };
  return root;
}

function* walk(el) {
  for (const child of el.children) {
    yield child;
    yield* walk(child);
  }
}
const attr = (el, name) =>
  el.attrs[name] ?? el.attrs[Object.keys(el.attrs).find((k) => k.replace(/^.*:/, '') === name)];

// ---------- XSD ----------
function schemaFiles() {
  const base = process.env.DESK_MANIFEST_XSD_DIR
    ? resolve(process.env.DESK_MANIFEST_XSD_DIR)
    : resolve(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest');
  const xsdIn = (dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.xsd'))
          .map((f) => join(dir, f))
      : [];
  // The README's recommended set is current/ + local/; a folder of plain XSDs also works.
  const primary =
    xsdIn(join(base, 'current')).length > 0 ? xsdIn(join(base, 'current')) : xsdIn(base);
  const files = [...primary, ...xsdIn(join(base, 'local'))];
  const entry = files.find((f) => f.endsWith('OfficeAppManifestV1_1.xsd'));
  return { base, files, entry };
}

/** libxml2 names the element as Element '{namespace}Name': show it as <Name>. */
function schemaElement(message) {
  const m = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message);
  return m ? `<${m[1]}> (schema)` : 'schema';
}

async function xsdValidate(manifestPath, xml, schema) {
  const rel = relative(ROOT, manifestPath) || manifestPath;
  // DESK_XSD_TOOL=xmllint forces Debian's xmllint (the fallback when xmllint-wasm is absent).
  try {
    if (process.env.DESK_XSD_TOOL === 'xmllint') throw new Error('Cannot find module (forced)');
    const { validateXML } = await import('xmllint-wasm');
    const load = (f) => ({ fileName: f.split(/[\\/]/).pop(), contents: readFileSync(f, 'utf8') });
    const result = await validateXML({
      xml: { fileName: 'manifest.xml', contents: xml },
      schema: load(schema.entry),
      preload: schema.files.filter((f) => f !== schema.entry).map(load),
    });
    return {
      tool: 'xmllint-wasm',
      problems: result.valid
        ? []
        : result.errors.map((e) => ({
            line: e.loc?.lineNumber ?? 0,
            element: schemaElement(e.message),
            message: e.message.trim(),
          })),
    };
  } catch (err) {
    if (!/Cannot find (package|module)/.test(String(err?.message))) throw err;
  }
  // Fallback: Debian's xmllint, with the schema set copied flat (the imports use bare file names).
  const xmllint = ['/usr/bin/xmllint', 'xmllint'].find(
    (bin) => spawnSync(bin, ['--version']).status === 0,
  );
  if (!xmllint) return { tool: null, problems: [] };
  const dir = mkdtempSync(join(tmpdir(), 'desk-xsd-'));
  try {
    for (const f of schema.files) writeFileSync(join(dir, f.split(/[\\/]/).pop()), readFileSync(f));
    const run = spawnSync(
      xmllint,
      ['--noout', '--schema', join(dir, 'OfficeAppManifestV1_1.xsd'), manifestPath],
      { encoding: 'utf8' },
    );
    const problems =
      run.status === 0
        ? []
        : run.stderr
            .split('\n')
            .filter((l) => l.trim() && !/validates$|fails to validate$/.test(l))
            .map((l) => {
              const m = /:(\d+): (?:element \w+: )?(.*)$/.exec(l);
              return {
                line: m ? Number(m[1]) : 0,
                element: schemaElement(l),
                message: (m ? m[2] : l).trim(),
              };
            });
    if (run.status !== 0 && problems.length === 0)
      problems.push({
        line: 0,
        element: 'schema',
        message: `xmllint exit ${run.status} on ${rel}`,
      });
    return { tool: xmllint, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- project checks ----------
/** Which resource list a resid must come from, by the element that carries it. */
const RESOURCE_KIND = {
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Image: 'Images',
  Namespace: 'ShortStrings',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function declaredFunctions(sourcePath) {
  const source = readFileSync(sourcePath, 'utf8');
  // Only JSDoc tag lines (` * @customfunction ID`), not prose that mentions the tag.
  const ids = [...source.matchAll(/^\s*\*\s*@customfunction[ \t]+([A-Za-z0-9_.]+)/gim)].map(
    (m) => m[1],
  );
  const namespace =
    /export const FUNCTION_NAMESPACE\s*=\s*['"]([^'"]+)['"]/.exec(source)?.[1] ?? null;
  return { ids, namespace };
}

function projectChecks(tree, opts) {
  const problems = [];
  const add = (el, message) =>
    problems.push({ line: el?.line ?? 0, element: el ? `<${el.qname}>` : 'manifest', message });
  const all = [...walk(tree)];

  // Resources by id, per kind.
  const resources = new Map();
  for (const list of all.filter(
    (el) =>
      ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(el.name) &&
      el.parent?.name === 'Resources',
  )) {
    for (const item of list.children) {
      const id = attr(item, 'id');
      if (!id) continue;
      if (resources.has(id))
        add(
          item,
          `resource id "${id}" is defined twice (first on line ${resources.get(id).el.line})`,
        );
      else
        resources.set(id, { kind: list.name, value: attr(item, 'DefaultValue') ?? '', el: item });
    }
  }

  // Every resid resolves, to a resource of the kind its element needs.
  for (const el of all.filter((e) => attr(e, 'resid') !== undefined)) {
    const id = attr(el, 'resid');
    const resource = resources.get(id);
    const want = RESOURCE_KIND[el.name];
    if (!resource) add(el, `resid "${id}" is not defined in <Resources>`);
    else if (want && resource.kind !== want)
      add(
        el,
        `resid "${id}" is a bt:${resource.kind.replace(/s$/, '')} but <${el.name}> needs one from <bt:${want}>`,
      );
  }

  // A Namespace for the custom functions, agreeing with functions.ts.
  const declared = existsSync(opts.functionsSource)
    ? declaredFunctions(opts.functionsSource)
    : { ids: [], namespace: null };
  const cfPoints = all.filter(
    (e) => e.name === 'ExtensionPoint' && attr(e, 'type') === 'CustomFunctions',
  );
  if (cfPoints.length === 0)
    add(null, 'no <ExtensionPoint xsi:type="CustomFunctions">: the DESK functions would not load');
  for (const point of cfPoints) {
    const ns = point.children.find((c) => c.name === 'Namespace');
    if (!ns) {
      add(point, 'custom functions need a <Namespace resid="..."/> (DESK)');
      continue;
    }
    const value = resources.get(attr(ns, 'resid'))?.value;
    if (value !== undefined && declared.namespace && value !== declared.namespace) {
      add(
        ns,
        `namespace "${value}" differs from FUNCTION_NAMESPACE "${declared.namespace}" in ${relative(ROOT, opts.functionsSource)}`,
      );
    }
    for (const part of ['Script', 'Page', 'Metadata']) {
      if (!point.children.some((c) => c.name === part))
        add(point, `custom functions need <${part}><SourceLocation resid="..."/></${part}>`);
    }
  }

  // Every URL points at a file the build emits.
  const urls = [];
  for (const [, r] of resources)
    if (r.kind === 'Urls' || r.kind === 'Images') urls.push({ el: r.el, url: r.value });
  for (const el of all) {
    if (
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].includes(el.name) ||
      (el.name === 'SourceLocation' && attr(el, 'DefaultValue'))
    ) {
      urls.push({ el, url: attr(el, 'DefaultValue') ?? '' });
    }
  }
  const distReady = existsSync(opts.dist);
  if (!distReady)
    add(
      null,
      `${relative(ROOT, opts.dist) || opts.dist}/ does not exist: run \`npm run build\` first, so URLs can be checked against what the build emits`,
    );
  const origins = new Set();
  for (const { el, url } of urls) {
    const origin = [DEV_ORIGIN, PRODUCTION_ORIGIN].find((o) => url.startsWith(o));
    if (!url.startsWith('https://')) {
      add(el, `URL "${url}" is not https (Office loads add-in pages over https only)`);
      continue;
    }
    if (!origin) {
      add(
        el,
        `URL "${url}" is neither under ${DEV_ORIGIN} nor under the production origin ${PRODUCTION_ORIGIN} (DESK_ORIGIN)`,
      );
      continue;
    }
    origins.add(origin);
    const file = decodeURIComponent(url.slice(origin.length).split(/[?#]/)[0]);
    if (distReady && (!file || !existsSync(join(opts.dist, file))))
      add(
        el,
        `URL "${url}" → ${relative(ROOT, join(opts.dist, file))}, which the build does not emit`,
      );
  }
  if (origins.size > 1)
    add(
      null,
      `URLs mix origins (${[...origins].join(', ')}): a manifest is either for the dev server or for production`,
    );

  // functions.json ids agree with the JSDoc.
  const metadataPath = join(opts.dist, 'functions.json');
  // functions.json problems are reported at the manifest element that names the metadata file.
  const metadataEl =
    [...resources.values()].find((r) => r.kind === 'Urls' && /functions\.json$/.test(r.value))
      ?.el ?? null;
  if (distReady) {
    if (!existsSync(metadataPath))
      add(
        metadataEl,
        `${relative(ROOT, metadataPath)} missing: the build did not generate the functions metadata`,
      );
    else {
      const metadata = JSON.parse(readFileSync(metadataPath, 'utf8'));
      const built = (metadata.functions ?? []).map((f) => f.id);
      const missing = declared.ids.filter((id) => !built.includes(id));
      const extra = built.filter((id) => !declared.ids.includes(id));
      if (declared.ids.length === 0)
        add(metadataEl, `no @customfunction tags found in ${relative(ROOT, opts.functionsSource)}`);
      if (missing.length)
        add(
          metadataEl,
          `functions.json lacks ${missing.join(', ')} (declared by @customfunction in ${relative(ROOT, opts.functionsSource)}): rebuild`,
        );
      if (extra.length)
        add(
          metadataEl,
          `functions.json has ${extra.join(', ')}, which ${relative(ROOT, opts.functionsSource)} does not declare: rebuild`,
        );
      for (const f of metadata.functions ?? []) {
        if (f.id !== f.id.toUpperCase())
          add(metadataEl, `functions.json id "${f.id}" is not upper case`);
      }
    }
  }
  return problems;
}

// ---------- main ----------
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const schema = schemaFiles();
  let failed = false;
  if (!schema.entry) {
    console.log('');
    console.log(`!!! SCHEMA CHECK SKIPPED: no OfficeAppManifestV1_1.xsd under ${schema.base}`);
    console.log(
      '!!! (set DESK_MANIFEST_XSD_DIR to the office-addin-manifest schema folder). Project checks still run.',
    );
    console.log('');
  }
  for (const manifestPath of opts.manifests) {
    const rel = relative(ROOT, manifestPath) || manifestPath;
    if (!existsSync(manifestPath)) {
      console.log(
        `✗ ${rel}: not found${manifestPath.startsWith(opts.dist) ? ' (run `npm run build` first)' : ''}`,
      );
      failed = true;
      continue;
    }
    const xml = readFileSync(manifestPath, 'utf8');
    const problems = [];
    let schemaNote = 'schema check skipped (no XSDs)';
    if (schema.entry) {
      const result = await xsdValidate(manifestPath, xml, schema);
      if (result.tool === null)
        schemaNote = 'schema check SKIPPED: neither xmllint-wasm nor xmllint is available';
      else
        schemaNote = `XSD ${result.problems.length ? 'INVALID' : 'valid'} (${result.tool}, ${relative(ROOT, schema.base) || schema.base})`;
      problems.push(...result.problems);
    }
    try {
      problems.push(...projectChecks(parseXml(xml), opts));
    } catch (err) {
      if (err && typeof err.line === 'number')
        problems.push({ line: err.line, element: 'xml', message: err.message });
      else throw err;
    }
    if (problems.length === 0) {
      console.log(
        `✓ ${rel}: ${schemaNote}; resids, namespace, URLs and functions.json ids check out`,
      );
    } else {
      failed = true;
      console.log(`✗ ${rel}: ${schemaNote}; ${problems.length} problem(s):`);
      for (const p of problems.sort((a, b) => a.line - b.line)) {
        console.log(`  ${rel}${p.line ? `:${p.line}` : ''}: ${p.element}: ${p.message}`);
      }
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
