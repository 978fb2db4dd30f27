import type { ReportSheet } from '../domain/report';
import { xlsxSheets } from '../domain/xlsxSheets';

/**
 * The sheets as an .xlsx file, with write-excel-file loaded only now (it is not needed for anything else): the
 * school's monitoring report and the municipality's summary of schools.
 */
export async function reportXlsx(sheets: readonly ReportSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(xlsxSheets(sheets)).toBlob();
}
