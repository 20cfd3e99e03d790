/** The Office adapter's public path; the modules live in ./office (see its index). */
export {
  CHUNK_BUDGET_BYTES,
  createOfficeDeskWorkbook,
  SHEET_MARK,
  VERSION_NAME,
  WORKBOOK_ID_NAME,
  type ExcelRun,
  type OfficeOptions,
} from './office';
