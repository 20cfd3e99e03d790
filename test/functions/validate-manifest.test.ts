/**
 * `npm run validate` must pass the real manifest and fail, with element and line, on broken
 * copies. Each case runs the script itself on a temp copy against the built dist/ (npm test builds
 * first), so what is tested is what a user runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'validate-manifest.mjs');
const DIST = join(ROOT, 'dist');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const SCHEMAS =
  process.env.DESK_MANIFEST_XSD_DIR ??
  join(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest');
const haveSchemas = existsSync(SCHEMAS);

let dir: string;
beforeAll(() => {
  if (!existsSync(join(DIST, 'functions.json'))) {
    throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
  }
  dir = mkdtempSync(join(tmpdir(), 'desk-manifest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const file = join(dir, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync(process.execPath, [SCRIPT, '--dist', DIST, ...extra, file], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

function replaceOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

it('passes the project manifest', () => {
  const { status, output } = validate(SOURCE);
  expect(output).toMatch(/✓/);
  expect(status).toBe(0);
});

it('fails when the custom functions have no <Namespace>, naming the ExtensionPoint and its line', () => {
  const broken = replaceOnce(SOURCE, '<Namespace resid="Functions.Namespace"/>', '');
  const { status, output } = validate(broken);
  expect(status).toBe(1);
  const line = lineOf(broken, '<ExtensionPoint xsi:type="CustomFunctions">');
  expect(output).toMatch(
    new RegExp(`:${line}: <ExtensionPoint>: custom functions need a <Namespace`),
  );
});

it('fails on a resid that names no resource, with the element and line', () => {
  const broken = replaceOnce(SOURCE, 'resid="Taskpane.Url"', 'resid="Taskpane.Typo"');
  const { status, output } = validate(broken);
  expect(status).toBe(1);
  const line = lineOf(broken, 'Taskpane.Typo');
  expect(output).toContain(
    `:${line}: <SourceLocation>: resid "Taskpane.Typo" is not defined in <Resources>`,
  );
});

it('fails on a resid of the wrong kind (a label pointing at a URL)', () => {
  const broken = replaceOnce(
    SOURCE,
    '<Label resid="Desk.Group.Label"/>',
    '<Label resid="Taskpane.Url"/>',
  );
  const { status, output } = validate(broken);
  expect(status).toBe(1);
  expect(output).toMatch(
    /<Label>: resid "Taskpane.Url" is a bt:Url but <Label> needs one from <bt:ShortStrings>/,
  );
});

it('fails on a URL to a file the build does not emit', () => {
  const broken = replaceOnce(
    SOURCE,
    'https://localhost:3000/functions.json',
    'https://localhost:3000/funcs.json',
  );
  const { status, output } = validate(broken);
  expect(status).toBe(1);
  expect(output).toMatch(
    new RegExp(
      `:${lineOf(broken, 'funcs.json')}: <bt:Url>: URL "https://localhost:3000/funcs.json"`,
    ),
  );
});

it('fails when the namespace differs from the one functions.ts declares', () => {
  const broken = replaceOnce(
    SOURCE,
    'id="Functions.Namespace" DefaultValue="DESK"',
    'id="Functions.Namespace" DefaultValue="DSK"',
  );
  const { status, output } = validate(broken);
  expect(status).toBe(1);
  expect(output).toMatch(/<Namespace>: namespace "DSK" differs from FUNCTION_NAMESPACE "DESK"/);
});

it('fails when functions.json and the @customfunction tags disagree', () => {
  const source = readFileSync(join(ROOT, 'src', 'functions', 'functions.ts'), 'utf8');
  const edited = join(dir, 'functions.ts');
  writeFileSync(edited, `${source}\n/**\n * Not built yet.\n * @customfunction FRESH_ID\n */\n`);
  const { status, output } = validate(SOURCE, ['--functions-source', edited]);
  expect(status).toBe(1);
  expect(output).toMatch(/functions\.json lacks FRESH_ID/);
});

(haveSchemas ? it : it.skip)(
  'fails on a wrong element order (XSD: AllFormFactors after DesktopFormFactor)',
  () => {
    const start = SOURCE.indexOf('        <AllFormFactors>');
    const endTag = '        </AllFormFactors>\n';
    const end = SOURCE.indexOf(endTag) + endTag.length;
    const block = SOURCE.slice(start, end);
    const without = SOURCE.slice(0, start) + SOURCE.slice(end);
    const afterDesktop =
      without.indexOf('        </DesktopFormFactor>\n') + '        </DesktopFormFactor>\n'.length;
    const broken = without.slice(0, afterDesktop) + block + without.slice(afterDesktop);
    const { status, output } = validate(broken);
    expect(status).toBe(1);
    expect(output).toContain(`:${lineOf(broken, '<AllFormFactors>')}: <AllFormFactors> (schema)`);
    expect(output).toMatch(/This element is not expected/);
  },
);

(haveSchemas && existsSync('/usr/bin/xmllint') ? it : it.skip)(
  "Debian's xmllint, the fallback validator, rejects the same wrong order",
  () => {
    const start = SOURCE.indexOf('        <AllFormFactors>');
    const endTag = '        </AllFormFactors>\n';
    const end = SOURCE.indexOf(endTag) + endTag.length;
    const broken =
      SOURCE.slice(0, start) +
      SOURCE.slice(end).replace('      </Host>', `${SOURCE.slice(start, end)}      </Host>`);
    const { status, output } = validate(broken, [], { DESK_XSD_TOOL: 'xmllint' });
    expect(status).toBe(1);
    expect(output).toMatch(/\/usr\/bin\/xmllint/);
    expect(output).toMatch(/<AllFormFactors> \(schema\)/);
  },
);

it('says plainly when no XSDs are found, and still runs the project checks', () => {
  const good = validate(SOURCE, [], { DESK_MANIFEST_XSD_DIR: join(dir, 'no-schemas-here') });
  expect(good.output).toMatch(/SCHEMA CHECK SKIPPED/);
  expect(good.status).toBe(0);
  const broken = replaceOnce(SOURCE, 'resid="Taskpane.Url"', 'resid="Taskpane.Typo"');
  const bad = validate(broken, [], { DESK_MANIFEST_XSD_DIR: join(dir, 'no-schemas-here') });
  expect(bad.status).toBe(1);
});
