import type { ReportSheet } from './report';

/**
 * The report's sheets as write-excel-file's sheets: the first row (the title) bold, the fourth (the columns'
 * names) bold and wrapped, dates as dates (dd.mm.yyyy), widths as given. Pure, so that the browser
 * (write-excel-file/browser, src/ui/reportXlsx.ts) and Node (write-excel-file/node, cli/summary.ts) write the very
 * same file. Text cells are strings, never formulas, whatever they begin with.
 */
export function xlsxSheets(sheets: readonly ReportSheet[]) {
  return sheets.map((s) => ({
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
  }));
}
