/**
 * The desk's names for its products, written once: each product of the schema's list and the
 * other ways the seeds and a colleague's sheet spell it (SMM writes "Pr-Nd oxide", Fastmarkets
 * "Neodymium-Praseodymium oxide 99%"). The import, the form's product field and the latest-price
 * lookup all read a product name through `productOf`.
 */
import { PRODUCTS } from './schema';

export type Product = (typeof PRODUCTS)[number];

/** Other names of each product (the product's own name always counts; case, dashes and spaces do not). */
export const PRODUCT_SYNONYMS: Readonly<Record<Product, readonly string[]>> = {
  'NdPr oxide': [
    'Pr-Nd oxide',
    'PrNd oxide',
    'Nd-Pr oxide',
    'praseodymium-neodymium oxide',
    'neodymium-praseodymium oxide',
    'didymium oxide',
  ],
  'NdPr metal': [
    'Pr-Nd metal',
    'PrNd metal',
    'Nd-Pr metal',
    'praseodymium-neodymium metal',
    'neodymium-praseodymium metal',
  ],
  'Nd oxide': ['neodymium oxide'],
  'Pr oxide': ['praseodymium oxide'],
  'Dy oxide': ['dysprosium oxide'],
  'Dy metal': ['dysprosium metal'],
  'Ferro-dysprosium': ['ferrodysprosium', 'dysprosium-iron', 'Dy-Fe'],
  'Tb oxide': ['terbium oxide'],
  'Tb metal': ['terbium metal'],
  'Gd oxide': ['gadolinium oxide'],
  'La oxide': ['lanthanum oxide'],
  'Ce oxide': ['cerium oxide'],
  'Y oxide': ['yttrium oxide'],
};

const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
/** Dashes, slashes, underscores and white space all separate words in a product name. */
const isSeparator = (c: number): boolean =>
  c <= 32 ||
  c === 45 ||
  c === 47 ||
  c === 95 ||
  c === 0x2010 ||
  c === 0x2011 ||
  c === 0x2012 ||
  c === 0x2013 ||
  c === 0x2014 ||
  c === 0x2212 ||
  c === 160 ||
  c === 0x202f;

/**
 * A text in the form names are compared in, one character for one (so positions found in it are
 * positions in the text): ASCII lower case, every separator a space.
 */
export function productFold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += isSeparator(c) ? ' ' : isAsciiUpper(c) ? String.fromCharCode(c + 32) : text.charAt(i);
  }
  return out;
}

/** A letter or digit continues a word: a name only matches between word boundaries. */
export const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || isAsciiUpper(c) || c > 127;

/** Every name, folded, longest first (so "pr nd oxide" wins over "nd oxide" at the same place). */
export const PRODUCT_NAMES: readonly (readonly [string, Product])[] = PRODUCTS.flatMap((p) =>
  [p, ...PRODUCT_SYNONYMS[p]].map((name) => [productFold(name), p] as const),
).sort((a, b) => b[0].length - a[0].length);

/** The name starting at i of a folded text (at a word boundary), or null. */
export function productAt(folded: string, i: number): { product: Product; end: number } | null {
  if (i > 0 && isWordChar(folded.charCodeAt(i - 1))) return null;
  for (const [name, product] of PRODUCT_NAMES) {
    if (folded.startsWith(name, i) && !isWordChar(folded.charCodeAt(i + name.length))) {
      return { product, end: i + name.length };
    }
  }
  return null;
}

/**
 * The product a cell names: the desk's name or a synonym, followed by nothing or by a grade
 * ("Dysprosium oxide 99.5%" is Dy oxide); null when it names none of the desk's products.
 */
export function productOf(text: string): Product | null {
  const folded = productFold(text.trim());
  return productAt(folded, 0)?.product ?? null;
}
