import type { ReportSheet } from '../../domain/report';

/** The sheets as an .xlsx file, with write-excel-file loaded only now (it is not needed for anything else). */
export async function reportXlsx(sheets: readonly ReportSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      columns: s.widths.map((width) => ({ width })),
      data: s.rows.map((row, r) =>
        row.map((value) =>
          value === null
            ? null
            : value instanceof Date
              ? { value, type: Date, format: 'dd.mm.yyyy' }
              : r === 0
                ? { value, fontWeight: 'bold' as const }
                : r === 3
                  ? { value, fontWeight: 'bold' as const, wrap: true }
                  : value,
        ),
      ),
    })),
  ).toBlob();
}
