/**
 * The core's second front door: the sample data alone. "Insert sample data" fetches it on first
 * use (webpack chunk "sample"), so taskpane.js does not carry the seeds' reviews and prices; the
 * main door (index.ts) exports only its types.
 */
export {
  buildSampleData,
  buildSamplePrices,
  buildSampleReviews,
  DESK_NOTES,
  FASTMARKETS_CODES,
  FASTMARKETS_PUBLICATION,
  ILLUSTRATIVE,
  SAMPLE_IMPORTED_AT,
  SAMPLE_PRICES,
  SAMPLE_REVIEWS,
  SMM_QUOTES,
  type SampleRecords,
  type SampleReview,
  type SmmQuote,
} from './record/sample-data';
