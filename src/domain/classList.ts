import Papa from 'papaparse';
import {
  COLUMN_TITLE,
  RECOGNISED_NAME_HEADERS,
  cellText,
  cellToIsoDate,
  hasNameColumn,
  mapColumns,
  matchColumn,
  type ColumnField,
} from './classListColumns';
import { duplicateKey, type PersonCategory, type PersonFields, type PersonRole } from './person';
import { personInputSchema } from './person.schema';

/** A school's class list is a few dozen rows; a whole school a few thousand. More than this is not a class list. */
export const MAX_IMPORT_ROWS = 5000;

/**
 * CSV bytes → text. Excel on a Russian Windows saves «CSV (разделители — запятые)» in Windows-1251, newer Excel and
 * LibreOffice in UTF-8, often with a BOM. Strict UTF-8 fails on 1251 Cyrillic, so a failure means 1251.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/**
 * CSV text → rows of cells, delimiter `;` (Russian Excel), `,` or tab. Blank lines are kept, so that row numbers
 * match what the user sees when the file is opened in a spreadsheet.
 */
export function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
  if (!clean.trim()) return [];
  return Papa.parse<string[]>(clean, { delimiter: guessDelimiter(clean), skipEmptyLines: false }).data;
}

/**
 * The delimiter found on the most lines (quoted text aside), ties going to the more frequent. papaparse's own guess
 * wants two or more fields on average over the first ten lines, and a title row or a few blank lines above a short
 * list defeat it, while a delimiter that is on every line of the table is a safe sign.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .slice(0, 100)
    .map((l) => l.replace(/"(?:[^"]|"")*"/g, ''));
  let best = { delimiter: ',', lines: 0, total: 0 };
  for (const delimiter of [';', ',', '\t']) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const score = { delimiter, lines: counts.filter((c) => c > 0).length, total: counts.reduce((a, b) => a + b, 0) };
    if (score.lines > best.lines || (score.lines === best.lines && score.total > best.total)) best = score;
  }
  return best.delimiter;
}

type Existing = Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'birthDate'>;

export interface ClassListOptions {
  /** Class for rows whose class cell is empty or for a list without a class column. */
  defaultClass?: string;
  /** People already in the base, to flag duplicates against. */
  existing?: readonly Existing[];
  category?: PersonCategory;
  /** Roles given to every row that has no «Роль» cell of its own. */
  roles?: readonly PersonRole[];
}

export type ClassListRowStatus = 'ok' | 'bad' | 'duplicate';

export interface ClassListRow {
  /** 1-based row number in the spreadsheet, as the user sees it. */
  line: number;
  status: ClassListRowStatus;
  /** The participant as it will be stored; present for `ok` and `duplicate` rows. */
  person?: PersonFields;
  /** What the row said, for showing a bad row as it is in the file. */
  raw: { name: string; classLabel: string; birthDate: string };
  /** Russian reasons, each naming its column; for a duplicate, what it repeats. */
  errors: string[];
  duplicateOf?: 'file' | 'base';
}

export type ClassListResult =
  | { ok: true; rows: ClassListRow[]; headerLine: number; missingColumns: string[] }
  | { ok: false; reason: 'noNameColumn' | 'noRows'; message: string };

export function parseClassList(rows: readonly (readonly unknown[])[], opts: ClassListOptions = {}): ClassListResult {
  const header = findHeader(rows);
  if (!header)
    return {
      ok: false,
      reason: 'noNameColumn',
      message: `Не найден столбец с именами. Первой строкой таблицы должны идти заголовки: ${RECOGNISED_NAME_HEADERS.join('; ')}. Также читаются столбцы «Класс», «Дата рождения», «Телефон», «Электронная почта» (или «Эл. почта»), «Роль».`,
    };
  const { index, cols } = header;
  const category = opts.category ?? 'student';
  const parsed: ClassListRow[] = [];
  for (let i = index + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => cellText(c) === '')) continue;
    // Lists printed page by page repeat the header; such a row is not a person called «ФИО».
    if (isRepeatedHeader(cells, cols)) continue;
    parsed.push(parseRow(cells, i + 1, cols, { ...opts, category }));
  }
  if (parsed.length === 0)
    return { ok: false, reason: 'noRows', message: 'В таблице есть заголовки, но нет ни одной строки с участниками.' };
  markDuplicates(parsed, opts.existing ?? []);
  return { ok: true, rows: parsed, headerLine: index + 1, missingColumns: missingColumns(cols, category) };
}

/** Title rows («Список 7Б класса») may precede the header: take the first row that names a name column and at least
 * one more known column, or failing that the first row with a name column at all. */
function findHeader(rows: readonly (readonly unknown[])[]) {
  let fallback: { index: number; cols: ReturnType<typeof mapColumns> } | null = null;
  for (let index = 0; index < Math.min(rows.length, 50); index++) {
    const cols = mapColumns(rows[index]!.map(cellText));
    if (!hasNameColumn(cols)) continue;
    if (Object.keys(cols).length >= 2) return { index, cols };
    fallback ??= { index, cols };
  }
  return fallback;
}

function isRepeatedHeader(cells: readonly unknown[], cols: Partial<Record<ColumnField, number>>): boolean {
  const nameAt = cols.fullName ?? cols.lastName!;
  return matchColumn(cellText(cells[nameAt])) === (cols.fullName !== undefined ? 'fullName' : 'lastName');
}

function missingColumns(cols: Partial<Record<ColumnField, number>>, category: PersonCategory): string[] {
  const wanted: ColumnField[] = cols.fullName !== undefined ? [] : ['firstName'];
  if (category === 'student') wanted.push('classLabel', 'birthDate');
  return wanted.filter((f) => cols[f] === undefined).map((f) => COLUMN_TITLE[f]);
}

type RowOptions = ClassListOptions & { category: PersonCategory };

function parseRow(cells: readonly unknown[], line: number, cols: Partial<Record<ColumnField, number>>, opts: RowOptions): ClassListRow {
  const cell = (f: ColumnField): unknown => (cols[f] === undefined ? undefined : cells[cols[f]!]);
  const text = (f: ColumnField) => cellText(cell(f));
  const errors: { field: string; message: string }[] = [];

  const name =
    cols.fullName !== undefined
      ? splitFullName(text('fullName'))
      : { lastName: tidyName(text('lastName')), firstName: tidyName(text('firstName')), middleName: tidyName(text('middleName')) };
  const rawName = cols.fullName !== undefined ? text('fullName') : [text('lastName'), text('firstName'), text('middleName')].filter(Boolean).join(' ');

  const rawDate = text('birthDate');
  let birthDate = '';
  if (rawDate) {
    const iso = cellToIsoDate(cell('birthDate'));
    if (iso) birthDate = iso;
    else {
      errors.push({ field: 'birthDate', message: `${COLUMN_TITLE.birthDate}: неверная дата «${rawDate}», нужна в виде ДД.ММ.ГГГГ` });
    }
  }

  const rawClass = text('classLabel');
  const classLabel = (rawClass || opts.defaultClass || '').replace(/[«»"'“”]/g, '');

  let roles: PersonRole[] = [...(opts.roles ?? [])];
  const rawRole = text('role');
  if (rawRole) {
    const r = parseRoles(rawRole);
    if (r) roles = r;
    else {
      errors.push({ field: 'roles', message: `${COLUMN_TITLE.role}: «${rawRole}» — укажите «наставник» или «наставляемый»` });
    }
  }

  const input = {
    ...name,
    category: opts.category,
    classLabel,
    birthDate,
    phone: text('phone'),
    email: text('email'),
    roles,
  };
  const raw = { name: rawName, classLabel: rawClass || opts.defaultClass || '', birthDate: rawDate };
  const result = personInputSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      // A field already reported above (an unreadable date) would otherwise get a second, vaguer message.
      if (!errors.some((e) => e.field === field || e.message === issue.message)) errors.push({ field, message: issue.message });
    }
  }
  if (errors.length > 0 || !result.success) {
    // In the order of the columns, as the user reads the row; the schema reports cross-field rules last.
    const rank = (f: string) => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);
    errors.sort((a, b) => rank(a.field) - rank(b.field));
    return { line, status: 'bad', raw, errors: errors.map((e) => e.message) };
  }
  return { line, status: 'ok', person: result.data, raw, errors: [] };
}

const FIELD_ORDER = ['lastName', 'firstName', 'middleName', 'classLabel', 'birthDate', 'phone', 'email', 'roles'];

/** «Иванов Иван Иванович» → фамилия, имя, отчество; a longer tail («Гусейн оглы») stays in the patronymic. */
export function splitFullName(s: string): { lastName: string; firstName: string; middleName: string } {
  const parts = s.replace(/[,;]/g, ' ').split(/\s+/).filter(Boolean).map(tidyName);
  return { lastName: parts[0] ?? '', firstName: parts[1] ?? '', middleName: parts.slice(2).join(' ') };
}

/** Lists typed in capitals («ИВАНОВ») or in lower case are stored as names are written; mixed case is kept as is
 * («Мак-Гвайр», «д'Артаньян» are someone's deliberate spelling), and so are the patronymic particles «оглы», «кызы». */
export function tidyName(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const lower = word.toLocaleLowerCase('ru-RU');
      if (word !== lower && word !== word.toLocaleUpperCase('ru-RU')) return word;
      if (PARTICLES.has(lower)) return lower;
      return lower.replace(/(^|-)(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('ru-RU'));
    })
    .join(' ');
}

const PARTICLES = new Set(['оглы', 'кызы', 'улы', 'гызы']);

function parseRoles(s: string): PersonRole[] | null {
  const out = new Set<PersonRole>();
  for (const part of s.toLocaleLowerCase('ru-RU').split(/[,;/]|\s+и\s+/).map((x) => x.trim()).filter(Boolean)) {
    if (part.startsWith('наставляем')) out.add('mentee');
    else if (part.startsWith('наставник')) out.add('mentor');
    else if (part === '-' || part === 'нет') continue;
    else return null;
  }
  return [...out];
}

/** The first of several equal rows is kept; later ones, and rows already in the base, are flagged, not doubled. */
function markDuplicates(rows: ClassListRow[], existing: readonly Existing[]): void {
  const base = new Set(existing.map(duplicateKey));
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.status !== 'ok' || !row.person) continue;
    const key = duplicateKey(row.person);
    if (base.has(key)) {
      row.status = 'duplicate';
      row.duplicateOf = 'base';
      row.errors = ['Уже есть в базе: те же ФИО и дата рождения'];
    } else if (seen.has(key)) {
      row.status = 'duplicate';
      row.duplicateOf = 'file';
      row.errors = [`Повторяет строку ${seen.get(key)}`];
    } else seen.set(key, row.line);
  }
}

export interface ClassListCounts {
  ok: number;
  bad: number;
  duplicate: number;
}

export function countRows(rows: readonly ClassListRow[]): ClassListCounts {
  const c = { ok: 0, bad: 0, duplicate: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

/** What a confirmed import writes: the good rows, and duplicates only when the user asked for them. */
export function peopleToImport(rows: readonly ClassListRow[], includeDuplicates = false): PersonFields[] {
  return rows.flatMap((r) => (r.person && (r.status === 'ok' || (includeDuplicates && r.status === 'duplicate')) ? [r.person] : []));
}
