/**
 * The price features — Import, Ratio and "Use latest price" — in one chunk the pane loads the
 * first time one is used (dynamic import in ../app.ts): papaparse, the core's import and history
 * code and their views stay out of taskpane.js, which Excel downloads before the form can show.
 */
export { createImportTab } from './import';
export { createLatestLookup } from './latest';
export { createRatioTab } from './ratio';
