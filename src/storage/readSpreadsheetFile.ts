import { MAX_IMPORT_ROWS, decodeCsvBytes, parseCsv } from '../domain/classList';
import { cellText } from '../domain/classListColumns';
import { formatBytes } from '../domain/text';

/** A class list is kilobytes; ten megabytes is a wrong file, and reading it would freeze a phone. */
export const MAX_SPREADSHEET_BYTES = 10 * 1024 * 1024;

/** What a user picks: a browser `File`, or anything with a name and bytes (tests, a future CLI). */
export interface SpreadsheetSource {
  name: string;
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type SpreadsheetReadError = 'empty' | 'tooLarge' | 'tooManyRows' | 'legacyXls' | 'notSpreadsheet' | 'unreadable';

export type SpreadsheetReadResult =
  | { ok: true; format: 'csv' | 'xlsx'; rows: string[][] }
  | { ok: false; error: SpreadsheetReadError; message: string };

export function spreadsheetErrorMessage(error: SpreadsheetReadError): string {
  switch (error) {
    case 'empty':
      return 'Файл пустой: в нём нет ни одной строки.';
    case 'tooLarge':
      return `Файл слишком большой (больше ${formatBytes(MAX_SPREADSHEET_BYTES)}). Список класса занимает несколько килобайт: проверьте, тот ли это файл.`;
    case 'tooManyRows':
      return `В файле больше ${MAX_IMPORT_ROWS} строк. Разделите список на части, например по классам.`;
    case 'legacyXls':
      return 'Это файл старого формата Excel (.xls). Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)» или CSV.';
    case 'notSpreadsheet':
      return 'Это не таблица. Выберите файл Excel (.xlsx) или CSV.';
    case 'unreadable':
      return 'Файл повреждён или сохранён в неизвестном формате: прочитать таблицу не удалось. Пересохраните его в Excel как .xlsx или CSV.';
  }
}

const fail = (error: SpreadsheetReadError): SpreadsheetReadResult => ({ ok: false, error, message: spreadsheetErrorMessage(error) });

type Kind = 'xlsx' | 'legacyXls' | 'binary' | 'text';

/** The first bytes decide, not the extension: a list renamed .csv ↔ .xlsx, or a photo renamed .xlsx, is common. */
function sniff(bytes: Uint8Array, name: string): Kind {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'legacyXls';
  if (/\.xlsx?$/i.test(name)) return 'binary';
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control > head.length / 100 ? 'binary' : 'text';
}

/**
 * Reads the first sheet of an .xlsx, or a CSV (UTF-8 or Windows-1251, `;` or `,`), into rows of text cells
 * (dates as ДД.ММ.ГГГГ). Never throws: a wrong file gives a Russian message the page shows as it is.
 */
export async function readSpreadsheetFile(file: SpreadsheetSource): Promise<SpreadsheetReadResult> {
  if (file.size !== undefined && file.size > MAX_SPREADSHEET_BYTES) return fail('tooLarge');
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    return fail('unreadable');
  }
  if (buffer.byteLength === 0) return fail('empty');
  if (buffer.byteLength > MAX_SPREADSHEET_BYTES) return fail('tooLarge');
  const bytes = new Uint8Array(buffer);

  let rows: string[][];
  let format: 'csv' | 'xlsx';
  switch (sniff(bytes, file.name)) {
    case 'legacyXls':
      return fail('legacyXls');
    case 'binary':
      return fail('notSpreadsheet');
    case 'text':
      format = 'csv';
      rows = parseCsv(decodeCsvBytes(bytes));
      break;
    case 'xlsx': {
      format = 'xlsx';
      const read = await readXlsx(buffer);
      if (!read.ok) return read;
      rows = read.rows;
      break;
    }
  }
  const filled = rows.filter((r) => r.some((c) => c.trim() !== '')).length;
  if (filled === 0) return fail('empty');
  if (filled > MAX_IMPORT_ROWS + 1) return fail('tooManyRows');
  return { ok: true, format, rows };
}

async function readXlsx(buffer: ArrayBuffer): Promise<SpreadsheetReadResult> {
  try {
    // Loaded here, not at the top: only the import screen pays for the spreadsheet reader. The universal entry has
    // no DOM or worker needs, so the same code runs in the browser and in the unit tests.
    const { readSheet } = await import('read-excel-file/universal');
    const sheet = await readSheet(buffer);
    return { ok: true, format: 'xlsx', rows: sheet.map((row) => row.map(cellText)) };
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'XLS_FILE_NOT_SUPPORTED') return fail('legacyXls');
    if (code === 'NO_DATA') return fail('empty');
    // A zip that is not a workbook (a .docx, a corrupt download): the reader throws assorted errors; all mean the same.
    return fail('unreadable');
  }
}
