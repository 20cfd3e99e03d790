/**
 * Prints the three desk tables as Markdown from the schema; with --write, rewrites the README
 * section between <!-- tables:start --> and <!-- tables:end -->.
 * Usage: npx tsx scripts/gen-table-docs.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tablesMarkdown, withTablesSection } from '../src/core/record/docs';

const readmePath = join(__dirname, '..', 'README.md');
if (process.argv.includes('--write')) {
  const next = withTablesSection(readFileSync(readmePath, 'utf8'));
  if (next === null) {
    process.stderr.write('README.md has no <!-- tables:start --> / <!-- tables:end --> markers\n');
    process.exit(1);
  }
  writeFileSync(readmePath, next);
  process.stdout.write('README.md tables section rewritten\n');
} else {
  process.stdout.write(`${tablesMarkdown()}\n`);
}
