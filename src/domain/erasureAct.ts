import { formatRuDate } from './dates';
import { safeFileName } from './consentDocument';
import { longRuDate } from './orderDocument';
import { PERSON_CATEGORIES, type PersonCategory } from './person';

/**
 * One destruction of a person's data, as the erasure log keeps it. The same fields as `ErasureLogEntry` of
 * src/domain/erasure.ts (the log itself), so an entry of the log is an input here as it is.
 */
export interface ErasureActInput {
  id: string;
  /** Full name of the subject, or other information about them when the name itself is what was destroyed. */
  subjectName: string;
  /** The subject's category: a key of PERSON_CATEGORIES or already a Russian label. */
  subjectCategory: string;
  /** Russian labels of the destroyed categories of data: «фамилия, имя, отчество», «дата рождения», … */
  categories: string[];
  /** Why, in Russian: «отзыв согласия на обработку персональных данных (ч. 5 ст. 21 152-ФЗ)». */
  reason: string;
  /** ISO date of the destruction. */
  erasedOn: string;
  /** The information system the data was destroyed in. */
  systemName: string;
  performedBy: { name: string; position: string };
  /** How: «удаление записей из базы данных приложения без возможности восстановления». */
  method: string;
}

/** The operator (the school) as the act names it. The school record has no address: '' prints a line to fill in. */
export interface ErasureOperator {
  schoolName: string;
  schoolAddress?: string;
  /** A person processing the data on the operator's behalf (п. 3 «б»), if the school has entrusted it to one. */
  processor?: { name: string; address: string };
  /** Paper media destroyed with the data (processing without automation, п. 3 «е»), each with its sheets. */
  paperMedia?: readonly { name: string; sheets: number }[];
}

/** A blank to fill in by hand on the printed act, as wide as a signature's. */
export const BLANK = '________________________________';

/** One numbered point of the act: what the order asks for (its label) and what this act says. */
export interface ActClause {
  label: string;
  /** The text; '' when it is to be written by hand (printed as a line). */
  value: string;
  /** A list under the label (the destroyed categories), when the point is a list. */
  list?: string[];
  /** What to write on the blank line, under it in small print. */
  hint?: string;
}

/**
 * The act of destruction of personal data (акт об уничтожении персональных данных) with the contents of п. 3 of the
 * Requirements approved by Roskomnadzor's order № 179 of 28.10.2022: the operator and its address, a processor on
 * its behalf if any, the subject, the categories destroyed, the information system (and paper media with their
 * sheets, if any), the method, the reason, the date, and the name, position and signature of who destroyed it.
 */
export interface ErasureActDocument {
  organisation: string;
  heading: 'АКТ';
  title: string;
  dateText: string;
  numberText: string;
  clauses: ActClause[];
  /** Sentences under the points: the log extract attached, the three years of keeping. */
  notes: string[];
  signatures: { role: string; name: string }[];
}

/**
 * The extract from the log of events of the information system (выгрузка из журнала регистрации событий в
 * информационной системе персональных данных), п. 4: per destruction the subject, the categories destroyed, the
 * information system, the reason and the date.
 */
export interface ErasureLogDocument {
  organisation: string;
  heading: string;
  /** «Сформирована 2 декабря 2026 г.». */
  madeText: string;
  table: { columns: string[]; rows: string[][] };
  notes: string[];
}

/** The order the documents are made under, as they cite it. */
export const ORDER_179 = 'приказ Роскомнадзора от 28.10.2022 № 179 «Об утверждении Требований к подтверждению уничтожения персональных данных»';

/** The act and the extract are kept for three years from the destruction (the same order). */
export const KEEP_YEARS = 3;

const CATEGORY_WORDS: Record<PersonCategory, string> = {
  student: 'обучающийся',
  teacher: 'педагог',
  parent: 'родитель',
  graduate: 'выпускник',
  partnerRep: 'представитель организации-партнёра',
};

const isCategoryKey = (s: string): s is PersonCategory => (PERSON_CATEGORIES as readonly string[]).includes(s);

/** «Семёнова Анна Петровна (обучающийся)»: the subject with their category, the category's key or label alike. */
export function subjectText(e: Pick<ErasureActInput, 'subjectName' | 'subjectCategory'>): string {
  const name = e.subjectName.trim() || 'субъект персональных данных (ФИО уничтожено)';
  const cat = e.subjectCategory.trim();
  const word = isCategoryKey(cat) ? CATEGORY_WORDS[cat] : cat.toLocaleLowerCase('ru-RU');
  return word ? `${name} (${word})` : name;
}

/** The act's number: the date and the first characters of the log entry's id, so two acts of one day differ. */
export function actNumber(e: Pick<ErasureActInput, 'id' | 'erasedOn'>): string {
  return `${e.erasedOn.replace(/-/g, '')}-${e.id.replace(/[^0-9A-Za-z]/g, '').slice(0, 4).toUpperCase()}`;
}

/** The act of destruction of one subject's data. */
export function erasureActDocument(e: ErasureActInput, op: ErasureOperator): ErasureActDocument {
  const address = op.schoolAddress?.trim() ?? '';
  const media = op.paperMedia ?? [];
  const performer = [e.performedBy.position.trim(), e.performedBy.name.trim()].filter(Boolean).join(' ');
  return {
    organisation: op.schoolName,
    heading: 'АКТ',
    title: 'об уничтожении персональных данных',
    dateText: longRuDate(e.erasedOn),
    numberText: `№ ${actNumber(e)}`,
    clauses: [
      { label: 'Оператор персональных данных', value: op.schoolName },
      { label: 'Адрес оператора', value: address, ...(address ? {} : { hint: 'адрес школы' }) },
      {
        label: 'Лицо, осуществляющее обработку персональных данных по поручению оператора',
        value: op.processor ? `${op.processor.name}, ${op.processor.address}` : 'обработка по поручению оператора другому лицу не поручалась',
      },
      { label: 'Субъект персональных данных, чьи персональные данные уничтожены', value: subjectText(e) },
      { label: 'Перечень категорий уничтоженных персональных данных', value: '', list: e.categories.length ? [...e.categories] : ['—'] },
      { label: 'Наименование информационной системы персональных данных, из которой уничтожены персональные данные', value: e.systemName },
      {
        label: 'Уничтоженные материальные носители (при обработке без использования средств автоматизации), количество листов',
        value: media.map((m) => `${m.name} — ${m.sheets} л.`).join('; '),
        ...(media.length ? {} : { hint: 'наименование носителя и число листов, или «не уничтожались»' }),
      },
      { label: 'Способ уничтожения', value: e.method },
      { label: 'Причина уничтожения', value: e.reason },
      { label: 'Дата уничтожения', value: formatRuDate(e.erasedOn) },
      {
        label: 'Лицо, уничтожившее персональные данные (ФИО, должность)',
        value: performer,
        ...(performer ? {} : { hint: 'фамилия, имя, отчество, должность' }),
      },
    ],
    notes: [
      'Обработка персональных данных велась с использованием средств автоматизации: к акту прилагается выгрузка из журнала регистрации событий в информационной системе персональных данных.',
      `Акт и выгрузка из журнала хранятся ${KEEP_YEARS} года с даты уничтожения персональных данных (${ORDER_179}).`,
    ],
    signatures: [{ role: e.performedBy.position.trim() || 'Должность', name: e.performedBy.name.trim() }],
  };
}

/** The columns of the log extract, one per point of п. 4. */
export const LOG_COLUMNS = [
  '№',
  'ФИО субъекта персональных данных или иная информация о нём',
  'Перечень категорий уничтоженных персональных данных',
  'Наименование информационной системы персональных данных',
  'Причина уничтожения',
  'Дата уничтожения',
];

/** «Наставник» in quotes, unless the name already opens with them («Наставник» на устройстве «…»). */
function quoted(name: string): string {
  return name.startsWith('«') ? name : `«${name}»`;
}

/** The extract from the erasure log: one row per destruction, oldest first. */
export function erasureLogDocument(entries: readonly ErasureActInput[], op: Pick<ErasureOperator, 'schoolName'>, today: string): ErasureLogDocument {
  const sorted = [...entries].sort((a, b) => a.erasedOn.localeCompare(b.erasedOn) || a.id.localeCompare(b.id));
  const system = sorted[0]?.systemName;
  return {
    organisation: op.schoolName,
    heading: `Выгрузка из журнала регистрации событий в информационной системе персональных данных${system && sorted.every((e) => e.systemName === system) ? ` ${quoted(system)}` : ''}`,
    madeText: `Сформирована ${longRuDate(today)}`,
    table: {
      columns: [...LOG_COLUMNS],
      rows: sorted.map((e, i) => [String(i + 1), subjectText(e), e.categories.join(', ') || '—', e.systemName, e.reason, formatRuDate(e.erasedOn)]),
    },
    notes: [`Выгрузка хранится ${KEEP_YEARS} года с даты уничтожения персональных данных (${ORDER_179}).`],
  };
}

/** «Акт_об_уничтожении_ПД_20261202-AB12.docx». */
export function erasureActFileName(e: Pick<ErasureActInput, 'id' | 'erasedOn'>): string {
  return safeFileName(`Акт_об_уничтожении_ПД_${actNumber(e)}.docx`);
}

/** Whether a value (a router's state, a stored row) has the shape of an erasure log entry. */
export function isErasureActInput(v: unknown): v is ErasureActInput {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string';
  const by = o.performedBy as Record<string, unknown> | undefined;
  return (
    ['id', 'subjectName', 'subjectCategory', 'reason', 'erasedOn', 'systemName', 'method'].every(str) &&
    Array.isArray(o.categories) &&
    o.categories.every((c) => typeof c === 'string') &&
    !!by &&
    typeof by.name === 'string' &&
    typeof by.position === 'string'
  );
}
