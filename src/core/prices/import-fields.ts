/**
 * The fields of DeskPrices an import may fill, and which header words map to them. The schema's
 * own headers ("Price low", "Source label") always map; the words below are the other ways a
 * Fastmarkets export or a colleague's sheet heads its columns.
 */
import { columnList } from '../record/schema';
import { unitOf, type Unit } from '../price/units';
import { TEXT_LIMIT } from '../text';

/** A field of DeskPrices an import may fill, and the header words that map to it. */
export type ImportField =
  | 'priceCode'
  | 'product'
  | 'locationBasis'
  | 'priceLow'
  | 'priceHigh'
  | 'priceMid'
  /** One column holding a single price or a range "3,600–4,000". */
  | 'price'
  | 'unit'
  | 'priceDate'
  | 'sourceLabel'
  | 'sourceState'
  | 'dataBasis';

/** Column index → the field it fills (null: not imported). */
export type ColumnMapping = Readonly<Record<number, ImportField | null>>;

/** The fields in the order the mapping editor lists them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'priceCode',
  'product',
  'locationBasis',
  'price',
  'priceLow',
  'priceHigh',
  'priceMid',
  'unit',
  'priceDate',
  'sourceLabel',
  'sourceState',
  'dataBasis',
];

/** How a message and the mapping editor name a field: its DeskPrices header ("Price or range" for price). */
export function importFieldLabel(field: ImportField): string {
  if (field === 'price') return 'Price or range';
  return columnList('prices').find((c) => c.field === field)?.header ?? field;
}

/** Header words besides the schema's own header, compared after headerWords(). */
const HEADER_WORDS: Readonly<Record<ImportField, readonly string[]>> = {
  priceCode: ['code', 'symbol', 'ticker', 'price id', 'series code', 'instrument code'],
  product: ['description', 'name', 'commodity', 'material', 'item', 'product name'],
  locationBasis: ['location', 'basis', 'delivery', 'delivery basis', 'incoterm', 'terms'],
  price: ['price', 'range', 'price range', 'assessment', 'value', 'quote', 'price/range'],
  priceLow: ['low', 'min', 'minimum', 'low price'],
  priceHigh: ['high', 'max', 'maximum', 'high price'],
  priceMid: ['mid', 'midpoint', 'mid price', 'average', 'avg', 'mean'],
  unit: ['unit', 'units', 'uom', 'unit of measure', 'currency/unit'],
  priceDate: [
    'date',
    'assessment date',
    'published',
    'publication date',
    'as of',
    'as-of',
    'effective date',
    'day',
  ],
  sourceLabel: ['source', 'publisher', 'agency', 'provider'],
  sourceState: ['state'],
  dataBasis: ['basis of data', 'price basis', 'data type'],
};

/** A header reduced to its words: lower case, a bracketed or trailing unit removed, separators one space. */
function headerWords(header: string): string {
  return header
    .replace(/[([].*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

const ALIASES: ReadonlyMap<string, ImportField> = (() => {
  const out = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const own = columnList('prices').find((c) => c.field === field)?.header;
    for (const word of [...(own ? [own] : []), ...HEADER_WORDS[field]])
      out.set(headerWords(word), field);
  }
  return out;
})();

/** A unit named in a header: in brackets ("Low (USD/kg)", "Mid [yuan/mt]") or last ("Price, USD/kg"). */
export function headerUnitText(header: string): string | null {
  if (header.length > TEXT_LIMIT) return null;
  const bracket = /[([]([^)\]]*)[)\]]/.exec(header);
  if (bracket !== null && bracket[1] !== undefined && bracket[1].includes('/'))
    return bracket[1].trim();
  const last = /[\s,;]([^\s,;]*\/[^\s,;]*)\s*$/.exec(header);
  return last?.[1] ?? null;
}

function fieldOf(header: string): ImportField | null {
  if (header.length > TEXT_LIMIT) return null;
  const unit = headerUnitText(header);
  const bare = unit === null ? header : header.replace(unit, '');
  return ALIASES.get(headerWords(bare)) ?? null;
}

/**
 * The mapping a sheet's headers suggest (each field taken by the first column that names it) and
 * the unit each header names. The pane shows the mapping for the user to correct.
 */
export function guessMapping(headers: readonly string[]): {
  mapping: ColumnMapping;
  unitInHeader: (Unit | null)[];
} {
  const mapping: Record<number, ImportField | null> = {};
  const taken = new Set<ImportField>();
  const unitInHeader = headers.map((h, i) => {
    const field = fieldOf(h);
    mapping[i] = field !== null && !taken.has(field) ? field : null;
    if (field !== null) taken.add(field);
    const text = headerUnitText(h);
    return text === null ? null : unitOf(text);
  });
  return { mapping, unitInHeader };
}
