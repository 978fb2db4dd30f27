import { formatRuDate, isValidIsoDate, parseRuDate, type IsoDate } from './dates';

/** The fields a class list may carry, one column each (`fullName` is one column that holds ФИО). */
export type ColumnField =
  | 'fullName'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'classLabel'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'role';

/** How each field is called in messages: the column names a school would recognise. */
export const COLUMN_TITLE: Record<ColumnField, string> = {
  fullName: 'ФИО',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  classLabel: 'Класс',
  birthDate: 'Дата рождения',
  phone: 'Телефон',
  email: 'Электронная почта',
  role: 'Роль',
};

/** What the header finder accepts, for the message shown when it finds none. */
export const RECOGNISED_NAME_HEADERS = ['ФИО', 'Ф.И.О.', 'Фамилия Имя Отчество', 'Фамилия, Имя и Отчество как отдельные столбцы'];

/** «Ф.И.О.», «  Дата  рождения », «Эл. почта» → lower case, ё = е, words of letters only. */
function words(header: string): string[] {
  return header
    .toLocaleLowerCase('ru-RU')
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Which field a header cell names, or null. Tolerant because every school types its own headers: «ФИО ученика»,
 * «Ф.И.О.», «Фамилия, имя», «Д.р.», «Дата рожд.», «E-mail». Headers longer than a label are titles, not columns.
 */
export function matchColumn(header: string): ColumnField | null {
  if (header.length > 40) return null;
  const w = words(header);
  if (w.length === 0) return null;
  const compact = w.join('');
  const first = w[0]!;
  if (compact.startsWith('фио') || compact === 'фи' || (w.includes('фамилия') && w.includes('имя'))) return 'fullName';
  if (first === 'фамилия') return 'lastName';
  if (first === 'имя') return 'firstName';
  if (first === 'отчество') return 'middleName';
  if (first === 'класс' || compact === 'кл') return 'classLabel';
  if (compact === 'др' || compact.startsWith('датарожд') || w.includes('рождения')) return 'birthDate';
  if (first === 'телефон' || first === 'тел' || compact === 'мобильныйтелефон') return 'phone';
  if (compact === 'email' || compact === 'почта' || compact.startsWith('электроннаяпочта') || compact.startsWith('элпочта'))
    return 'email';
  if (first === 'роль') return 'role';
  return null;
}

/** Column index of each recognised field in a header row; the first column wins when two name the same field. */
export function mapColumns(headerCells: readonly unknown[]): Partial<Record<ColumnField, number>> {
  const out: Partial<Record<ColumnField, number>> = {};
  headerCells.forEach((cell, i) => {
    const field = typeof cell === 'string' ? matchColumn(cell) : null;
    if (field && out[field] === undefined) out[field] = i;
  });
  return out;
}

export function hasNameColumn(cols: Partial<Record<ColumnField, number>>): boolean {
  return cols.fullName !== undefined || cols.lastName !== undefined;
}

/**
 * A cell as text. read-excel-file gives strings, numbers, booleans, Dates and null; CSV gives strings. A Date is a
 * calendar date here (read-excel-file returns midnight UTC), so it is formatted from its UTC parts.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : formatRuDate(isoFromUtcDate(value));
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value).trim();
}

function isoFromUtcDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

// Serial 60 is Excel's fictitious 29.02.1900; counting from 30.12.1899 is right for every real date after it.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel day number (days since 1900, the format every .xlsx date is stored in) → ISO date. */
export function excelSerialToIso(serial: number): IsoDate | null {
  // Serials of years 1900–2199: nothing else is a plausible birth date, and small numbers are more likely typos.
  if (!Number.isFinite(serial) || serial < 61 || serial > 109_574) return null;
  return isoFromUtcDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/**
 * A birth-date cell → ISO, or null when it is not a real date. Accepts Date objects, Excel day numbers (a date
 * cell with a custom format arrives as a plain number, or as its digits in a CSV saved from Excel), ДД.ММ.ГГГГ
 * with `.`, `/` or `-`, ISO, and a trailing time that Excel adds when it saves dates as text («05.03.2012 0:00:00»).
 */
export function cellToIsoDate(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return null;
    const iso = isoFromUtcDate(value);
    return isValidIsoDate(iso) ? iso : null;
  }
  if (typeof value === 'number') return excelSerialToIso(value);
  const text = cellText(value).replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z)?$/, '');
  if (/^\d{2,6}$/.test(text)) return excelSerialToIso(Number(text));
  return parseRuDate(text);
}
