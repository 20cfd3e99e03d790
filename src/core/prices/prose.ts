/**
 * Prices in a review's prose (SMM's weekly review, an e-mail): each sentence's products (the
 * desk's names and synonyms, record/products.ts) and prices with a unit ("3,600-4,000 yuan/mt"),
 * each price belonging to the product named before it. A line that is only a date — or
 * "Published: Jan 9, 2025 14:38" — dates the prices after it, so a page carrying several
 * articles gives each price its own article's date. What names a price but cannot be read is
 * listed with the reason, never dropped; what is only a move ("fell by 200 yuan/mt") is no price.
 *
 * One pass: lines, then sentences, each folded once and scanned left to right; every character
 * is looked at a bounded number of times (each product name is tried only at a word start).
 */
import { parsePrice } from '../price/parse';
import { dashLength, numberEnd } from '../price/scan';
import { isWordChar, productAt, productFold, type Product } from '../record/products';
import { clip } from '../show';
import { isLineEnd, isSpace, spacesEnd, TEXT_LIMIT } from '../text';
import {
  candidateFromFields,
  clipSource,
  type ImportDefaults,
  type PriceCandidate,
} from './import-candidate';
import { readPriceDate } from './import-dates';

/** Characters of prose one import reads (2 MB of text: some 10,000 price sentences with their dates). */
export const PROSE_LIMIT = 2_000_000;

export interface UnreadPrice {
  readonly line: number;
  readonly source: string;
  readonly reason: string;
}

export interface ProseImport {
  candidates: PriceCandidate[];
  unread: UnreadPrice[];
  /** The first "Published:" (or "Date:", "Sent:") date, else the first date line; yyyy-mm-dd. */
  published: string | null;
}

/** Words right before a number that make it a move, not a price: "fell 200", "by 200", "up 200". */
const MOVE_WORDS = new Set([
  'by',
  'up',
  'down',
  'fell',
  'rose',
  'dropped',
  'gained',
  'lost',
  'climbed',
  'slipped',
  'declined',
  'increased',
  'decreased',
  'added',
  'shed',
  'jumped',
  'plunged',
  'plus',
  'minus',
]);
const CURRENCY_WORDS = new Set(['usd', 'us$', 'rmb', 'cny', 'yuan', '$', '¥', '￥']);
const SIGNS = '-−+';
const HEADER_DATE = /^(?:published|posted|updated|date|sent)\s*:\s*(.+)$/i;

type PriceKind = 'price' | 'bad' | 'move' | 'bare' | 'unclear';
interface Found {
  readonly start: number;
  readonly kind: PriceKind;
  /** The price as its text reads ("3,600-4,000 yuan/mt"), or the number as written. */
  readonly text: string;
  readonly reason?: string;
}
interface Mention {
  readonly product: Product;
  readonly start: number;
}

/** The word ending right before i (lower case), skipping the spaces in between. */
function wordBefore(s: string, i: number): string {
  let end = i;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end).toLowerCase();
}

/** The unit token starting at i (up to a space or , ; : ( ) [ ]), without a sentence's full stop. */
function tokenAt(s: string, i: number): string {
  let j = i;
  while (j < s.length && !isSpace(s.charCodeAt(j)) && !',;:()[]'.includes(s.charAt(j))) j++;
  let token = s.slice(i, j);
  while (token.endsWith('.')) token = token.slice(0, -1);
  return token;
}

/** The unit after a price, if any: "yuan/mt", "USD per kg", or "/kg" after a currency ("$65/kg"). */
function unitAfter(s: string, start: number, end: number): { text: string; end: number } | null {
  const at = spacesEnd(s, end);
  const token = tokenAt(s, at);
  if (token === '') return null;
  let text: string | null = null;
  let stop = at + token.length;
  if (token.startsWith('/')) {
    const glued = start > 0 ? s.charAt(start - 1) : '';
    const currency = CURRENCY_WORDS.has(glued) ? glued : wordBefore(s, start);
    if (CURRENCY_WORDS.has(currency)) text = `${currency}${token}`;
  } else if (token.includes('/')) {
    text = token;
  } else {
    const perAt = spacesEnd(s, stop);
    if (s.slice(perAt, perAt + 4).toLowerCase() === 'per ') {
      const mass = tokenAt(s, spacesEnd(s, perAt + 4));
      if (mass !== '') {
        text = `${token} per ${mass}`;
        stop = spacesEnd(s, perAt + 4) + mass.length;
      }
    }
  }
  return text === null ? null : { text, end: stop };
}

/** The number or range starting at i and its end, or null ("3,600-4,000", "3,600 to 4,000"). */
function numbersAt(s: string, i: number): { end: number; dash: string } | null {
  const first = numberEnd(s, i);
  if (first < 0) return null;
  const dashAt = spacesEnd(s, first);
  const dash = dashLength(s, dashAt);
  if (dash > 0) {
    // "to" only separates numbers as a word ("3,600 to 4,000", not "3,600 tons").
    const word = s.slice(dashAt, dashAt + dash);
    const wordOk = !/^to$/i.test(word) || !isWordChar(s.charCodeAt(dashAt + dash));
    const second = numberEnd(s, spacesEnd(s, dashAt + dash));
    if (wordOk && second >= 0) return { end: second, dash: word };
  }
  return { end: first, dash: '' };
}

/** Every number in a sentence, each read as a price (with its unit), a move, or a bare number. */
function pricesIn(s: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const prev = i > 0 ? s.charCodeAt(i - 1) : 32;
    const startsNumber = (c >= 48 && c <= 57) || (c === 46 && i + 1 < s.length);
    if (!startsNumber || (isWordChar(prev) && prev < 128) || prev === 44 || prev === 46) {
      i++;
      continue;
    }
    const numbers = numbersAt(s, i);
    if (numbers === null) {
      i++;
      continue;
    }
    const unit = unitAfter(s, i, numbers.end);
    // A sign glued to the number ("−200 yuan/mt", "+1") is a change in a review's prose, never a
    // price: read with its sign, it is listed as a move rather than losing the sign.
    const signed =
      i > 0 && SIGNS.includes(s.charAt(i - 1)) && !isWordChar(i > 1 ? s.charCodeAt(i - 2) : 32);
    const written = (signed ? s.charAt(i - 1) : '') + s.slice(i, numbers.end);
    const end = unit?.end ?? numbers.end;
    const before = wordBefore(s, i);
    if (unit === null) {
      out.push({ start: i, kind: 'bare', text: written });
    } else {
      const text = `${written} ${unit.text}`;
      const read = parsePrice(text, 'Price');
      if (signed || MOVE_WORDS.has(before)) out.push({ start: i, kind: 'move', text });
      else if (before === 'from' && numbers.dash !== '')
        out.push({ start: i, kind: 'unclear', text });
      else if (!read.ok) out.push({ start: i, kind: 'bad', text, reason: read.error.message });
      else out.push({ start: i, kind: 'price', text });
    }
    i = Math.max(end, i + 1);
  }
  return out;
}

/** The products a sentence names, in order (longest name first at each word start). */
function mentionsIn(s: string): Mention[] {
  const folded = productFold(s);
  const out: Mention[] = [];
  let i = 0;
  while (i < folded.length) {
    const hit = productAt(folded, i);
    if (hit !== null) {
      out.push({ product: hit.product, start: i });
      i = hit.end;
    } else i++;
  }
  return out;
}

/** Sentences of one line: split after . ! ? followed by white space. */
function sentencesOf(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (
      (c === 46 || c === 33 || c === 63) &&
      (i + 1 === line.length || isSpace(line.charCodeAt(i + 1)))
    ) {
      const s = line.slice(start, i + 1).trim();
      if (s !== '') out.push(s);
      start = i + 1;
    }
  }
  const rest = line.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

function linesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isLineEnd(text.charCodeAt(i))) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A line that is only a date ("Feb 5, 2026 15:12", "Published: Jan 9, 2025 14:38"), or null. */
function dateLine(line: string, d: ImportDefaults): { text: string; header: boolean } | null {
  if (line.length > TEXT_LIMIT) return null;
  const header = HEADER_DATE.exec(line);
  const text = (header?.[1] ?? line).trim();
  const read = readPriceDate(text, 'Price date', d.dayFirst);
  return read.ok || read.ambiguous ? { text, header: header !== null } : null;
}

const describe = (found: readonly Found[]): string =>
  found.map((f) => `'${clip(f.text)}'`).join(', ');

/** Why a product's numbers give no price; null when it has none to speak of (no digits). */
function unreadReason(product: Product, own: readonly Found[]): string | null {
  const prices = own.filter((f) => f.kind === 'price');
  if (prices.length > 1)
    return `${product}: several prices (${describe(prices)}) — which one is the price?`;
  const bad = own.find((f) => f.kind === 'bad');
  if (bad !== undefined) return `${product}: ${bad.reason ?? 'cannot read the price'}`;
  const unclear = own.find((f) => f.kind === 'unclear');
  if (unclear !== undefined)
    return `${product}: 'from ${clip(unclear.text)}' reads as a move or as a range — enter it by hand`;
  const moves = own.filter((f) => f.kind === 'move');
  if (moves.length > 0) return `${product}: only a move (${describe(moves)}), no price`;
  const bare = own.filter((f) => f.kind === 'bare');
  if (bare.length > 0)
    return `${product}: ${describe(bare)} has no unit (a price needs one, e.g. 3,600-4,000 yuan/mt)`;
  return null;
}

interface Context {
  readonly d: ImportDefaults;
  dateText: string;
  readonly out: ProseImport;
}

function readSentence(s: string, line: number, ctx: Context): void {
  const found = pricesIn(s);
  if (found.length === 0) return;
  const mentions = mentionsIn(s);
  const owned = new Map<Mention, Found[]>(mentions.map((m) => [m, []]));
  let m = 0;
  for (const f of found) {
    while (m + 1 < mentions.length && (mentions[m + 1] as Mention).start < f.start) m++;
    const owner = mentions[m];
    if (owner !== undefined) owned.get(owner)?.push(f);
  }
  if (mentions.length === 0) {
    const priced = found.filter((f) => f.kind === 'price' || f.kind === 'bad');
    if (priced.length > 0) {
      ctx.out.unread.push({
        line,
        source: clipSource(s),
        reason: `${describe(priced)}: no product from the desk's list is named next to it`,
      });
    }
    return;
  }
  for (const [mention, own] of owned) {
    const prices = own.filter((f) => f.kind === 'price');
    const only = prices[0];
    if (prices.length === 1 && only !== undefined) {
      const texts = { product: mention.product, price: only.text, priceDate: ctx.dateText };
      ctx.out.candidates.push(candidateFromFields(line, s, texts, ctx.d));
      continue;
    }
    const reason = unreadReason(mention.product, own);
    if (reason !== null) ctx.out.unread.push({ line, source: clipSource(s), reason });
  }
}

/** The prices a review's text names, the ones it names but cannot be read, and its publication date. */
export function candidatesFromProse(text: string, d: ImportDefaults): ProseImport {
  const out: ProseImport = { candidates: [], unread: [], published: null };
  if (text.length > PROSE_LIMIT) {
    out.unread.push({
      line: 0,
      source: '',
      reason: `The text is ${text.length.toLocaleString('en-US')} characters; one import reads at most ${PROSE_LIMIT.toLocaleString('en-US')} — paste it in parts`,
    });
    return out;
  }
  const ctx: Context = { d, dateText: '', out };
  let firstDate: string | null = null;
  let sentence = 0;
  for (const raw of linesOf(text)) {
    const line = raw.trim();
    if (line === '') continue;
    const dated = dateLine(line, d);
    if (dated !== null) {
      ctx.dateText = dated.text;
      const read = readPriceDate(dated.text, 'Price date', d.dayFirst);
      const iso = read.ok ? read.date : null;
      if (dated.header && out.published === null) out.published = iso;
      firstDate ??= iso;
      continue;
    }
    for (const s of sentencesOf(line)) readSentence(s, ++sentence, ctx);
  }
  out.published ??= firstDate;
  return out;
}
