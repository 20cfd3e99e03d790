/**
 * Fastmarkets rare-earth price codes (methodology seed): code, product, basis and unit, written
 * once. The schema's Price code suggestions and the sample reviews both read this list.
 */
export interface FastmarketsSpec {
  readonly code: string;
  readonly product: string;
  readonly basis: 'fob China' | 'cif Rotterdam' | 'ex-warehouse Rotterdam';
  readonly unit: 'USD/kg';
}

/** Fastmarkets rare earths: weekly, Thursdays 4pm London time; prompt, 30 days; no minimum tonnage. */
export const FASTMARKETS_PUBLICATION = 'Weekly, Thursdays 4pm London time';

export const FASTMARKETS_CODES: readonly FastmarketsSpec[] = [
  {
    code: 'MB-NDP-0001',
    product: 'Neodymium-Praseodymium oxide 99%',
    basis: 'fob China',
    unit: 'USD/kg',
  },
  {
    code: 'MB-NDP-0002',
    product: 'Neodymium-Praseodymium metal (Nd 75% Pr 25%)',
    basis: 'fob China',
    unit: 'USD/kg',
  },
  { code: 'MB-DY-0001', product: 'Dysprosium oxide 99.5%', basis: 'fob China', unit: 'USD/kg' },
  { code: 'MB-DY-0002', product: 'Dysprosium metal min 99%', basis: 'fob China', unit: 'USD/kg' },
  { code: 'MB-DY-0003', product: 'Ferro-Dysprosium 80%', basis: 'fob China', unit: 'USD/kg' },
  { code: 'MB-TB-0001', product: 'Terbium oxide 99.99%', basis: 'fob China', unit: 'USD/kg' },
  { code: 'MB-TB-0002', product: 'Terbium metal min 99.9%', basis: 'fob China', unit: 'USD/kg' },
  {
    code: 'MB-GD-0001',
    product: 'Gadolinium oxide 99.99%-99.999%',
    basis: 'fob China',
    unit: 'USD/kg',
  },
  {
    code: 'MB-GD-0002',
    product: 'Gadolinium oxide 99.99%-99.999%',
    basis: 'ex-warehouse Rotterdam',
    unit: 'USD/kg',
  },
  { code: 'MB-ND-0001', product: 'Neodymium oxide 99.5%', basis: 'cif Rotterdam', unit: 'USD/kg' },
  {
    code: 'MB-RAE-0008',
    product: 'Praseodymium oxide 99.5%',
    basis: 'cif Rotterdam',
    unit: 'USD/kg',
  },
];
