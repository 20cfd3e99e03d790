import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_START, tablesMarkdown, withTablesSection } from '../../../src/core/record/docs';
import { columnList, TABLE_KEYS } from '../../../src/core/record/schema';

const readme = join(__dirname, '..', '..', '..', 'README.md');
const text = readFileSync(readme, 'utf8');

describe('the table docs', () => {
  it('list every column of every table', () => {
    const md = tablesMarkdown();
    for (const key of TABLE_KEYS)
      for (const c of columnList(key)) expect(md).toContain(`| ${c.header} |`);
  });

  it('are up to date in README.md (run: npx tsx scripts/gen-table-docs.ts --write)', () => {
    // No markers would make the comparison vacuous: the README must carry the generated block.
    expect(text).toContain(DOCS_START);
    // Compared modulo table padding, so Prettier's column alignment of the README does not matter.
    const norm = (s: string) =>
      s
        .replace(/ *\| */g, '|')
        .replace(/\|:?-+:?(?=\|)/g, '|-')
        .replace(/\n{2,}/g, '\n\n')
        .trim();
    expect(norm(withTablesSection(text) ?? '')).toBe(norm(text));
  });
});
