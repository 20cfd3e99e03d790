/**
 * The pane's look comes from @fluentui/tokens: the build writes every token the stylesheets use into
 * tokens.css from webLightTheme (scripts/fluent-tokens.cjs), and refuses a stylesheet that copies a
 * token's value by hand or names a token the theme lacks. `npm test` builds dist/ and dist-preview/
 * before jest runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webLightTheme } from '@fluentui/tokens';
import { tokensCss } from '../../scripts/fluent-tokens.cjs';

const ROOT = join(__dirname, '..', '..');
const theme = webLightTheme as unknown as Record<string, string | number>;
const read = (...parts: string[]) => readFileSync(join(ROOT, ...parts), 'utf8');

/** --name → value, as tokens.css declares them. */
function declared(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--([A-Za-z0-9]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!]));
}

/** Tokens a stylesheet references (comments aside). */
const used = (css: string) =>
  new Set(
    [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/var\(--([A-Za-z0-9]+)/g)].map((m) => m[1]!),
  );

describe.each([
  ['dist', 'taskpane.html', ['src/taskpane/taskpane.css']],
  [
    'dist-preview',
    'preview.html',
    ['src/taskpane/taskpane.css', 'src/taskpane/preview/preview.css'],
  ],
])('%s/tokens.css', (dir, page, sources) => {
  const tokens = declared(read(dir, 'tokens.css'));

  it("holds webLightTheme's value for every token the stylesheets use, and nothing else", () => {
    const names = new Set(sources.flatMap((file) => [...used(read(file))]));
    expect([...tokens.keys()].sort()).toEqual([...names].sort());
    for (const [name, value] of tokens) expect([name, value]).toEqual([name, String(theme[name])]);
    // The stylesheets themselves declare no custom property at all.
    for (const file of sources) expect(declared(read(file)).size).toBe(0);
  });

  it(`is linked by ${page} before the pane's own stylesheet`, () => {
    const html = read(dir, page);
    // Built pages are minified: attributes may lose their quotes.
    const links = [...html.matchAll(/<link rel="?stylesheet"? href="?([^"\s>]+)/g)].map(
      (m) => m[1],
    );
    expect(links.slice(0, 2)).toEqual(['tokens.css', 'taskpane.css']);
  });
});

describe('the tokens build step', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-tokens-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function css(text: string): string {
    const file = join(dir, 'pane.css');
    writeFileSync(file, text);
    return file;
  }

  it('writes only the referenced tokens, with the theme value', () => {
    const file = css(
      'a { color: var(--colorBrandForeground1); padding: var(--spacingVerticalS); }',
    );
    const out = tokensCss([file], theme, 'theme');
    expect(declared(out)).toEqual(
      new Map([
        ['colorBrandForeground1', String(theme.colorBrandForeground1)],
        ['spacingVerticalS', String(theme.spacingVerticalS)],
      ]),
    );
  });

  it('refuses a token value copied into a stylesheet by hand, naming file and token', () => {
    const file = css(
      ':root { --colorNeutralForeground1: #242424; }\na { color: var(--colorNeutralForeground1); }',
    );
    expect(() => tokensCss([file], theme, 'theme')).toThrow(
      `${file}: declares --colorNeutralForeground1, a token of theme`,
    );
  });

  it('refuses a token the theme does not define (renamed upstream, or mistyped)', () => {
    const file = css('a { margin: var(--spacingM); }');
    expect(() => tokensCss([file], theme, 'theme')).toThrow(
      `${file}: var(--spacingM) is not a token of theme`,
    );
  });
});
