/** The Office adapter's public path; the modules live in ./office (see its index). */
export {
  CHUNK_BUDGET_BYTES,
  createOfficeDeskWorkbook,
  VERSION_NAME,
  WORKBOOK_ID_NAME,
  type ExcelRun,
} from './office';
