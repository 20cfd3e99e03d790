/** The three tables as Markdown, column by column, generated from the schema (README section). */
import { NUMBER_FORMATS, SCHEMA_VERSION, TABLES, TABLE_KEYS, columnList } from './schema';

export const DOCS_START = '<!-- tables:start -->';
export const DOCS_END = '<!-- tables:end -->';

const KIND_LABEL: Readonly<Record<string, string>> = {
  id: 'UUID',
  datetime: 'date-time',
  date: 'date',
  text: 'text',
  enum: 'list',
  suggest: 'text (suggestions)',
  number: 'number',
  quantity: 'quantity',
  money: 'money',
  ratio: 'ratio',
  percent: 'percentage',
  bps: 'basis points',
  price: 'price (number or range text)',
  formula: 'formula',
};

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function tablesMarkdown(): string {
  const out: string[] = [
    `Generated from \`src/core/record/schema.ts\` by \`npx tsx scripts/gen-table-docs.ts --write\` (schema version ${SCHEMA_VERSION}).`,
    '',
  ];
  for (const key of TABLE_KEYS) {
    out.push(
      `#### \`${TABLES[key].name}\``,
      '',
      '| # | Column | Type (Excel format) | Required | Allowed values / notes |',
      '|---|---|---|---|---|',
    );
    columnList(key).forEach((c, i) => {
      const type = `${KIND_LABEL[c.kind] ?? c.kind} (\`${NUMBER_FORMATS[c.kind]}\`)`;
      const req = c.required ? 'yes' : c.help?.startsWith('Required for') ? 'by route' : 'no';
      const who =
        c.source === 'system' ? 'written by the add-in' : c.source === 'computed' ? 'computed' : '';
      const allowed =
        c.kind === 'enum'
          ? c.options!.join(', ')
          : c.kind === 'suggest'
            ? `suggested: ${c.options!.join(', ')}`
            : c.kind === 'formula'
              ? `\`${c.formula}\``
              : '';
      const notes = [allowed, who, c.help ?? ''].filter((x) => x !== '').join('; ');
      out.push(`| ${i + 1} | ${cell(c.header)} | ${cell(type)} | ${req} | ${cell(notes)} |`);
    });
    out.push('');
  }
  return out.join('\n');
}

/** The README with the section between the markers replaced; null when the markers are absent. */
export function withTablesSection(readme: string): string | null {
  const a = readme.indexOf(DOCS_START);
  const b = readme.indexOf(DOCS_END);
  if (a < 0 || b < a) return null;
  return `${readme.slice(0, a + DOCS_START.length)}\n\n${tablesMarkdown()}\n${readme.slice(b)}`;
}
