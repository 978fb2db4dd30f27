import { z } from 'zod';
import { formatRuDate, type IsoDate } from './dates';
import { ERASURE_REASONS, ERASURE_REASON_LABELS, PERSONAL_DATA, type Erasure, type ErasureReason } from './erasure';
import { safeFileName } from './consentDocument';
import { subjectText, type ErasureActInput } from './erasureAct';
import { DATA_CATEGORIES, type DataCategory } from './personalData';
import { plural } from './text';

/**
 * «Уничтожить персональные данные» as the user meets it (issue 12): what the dialog says goes and stays, the form's
 * rules, what an erased person's card, the journal and the import say. Pure; the erasure itself is
 * src/storage/erasure.ts `erasePerson`.
 */

/** Plain words for each kind of data, as the dialog lists them (the act uses DATA_CATEGORY_LABELS, the order's terms). */
const PLAIN: Record<DataCategory, string> = {
  name: 'фамилия, имя и отчество',
  birthDate: 'дата рождения (останется только возраст)',
  contacts: 'телефон и электронная почта',
  notes: 'заметки об участнике',
  interests: 'интересы и компетенции',
  consentDetails: 'в согласиях — сведения о законном представителе и заметки',
  pairText: 'название и цель пары или группы, причина окончания работы',
  meetingText: 'место, заметки и договорённости встреч',
  planText: 'пункты и результаты индивидуального плана',
  answers: 'ответы на анкеты (оценки по шкале останутся)',
  preferences: 'анкеты предпочтений после нетворкинга — целиком',
  recognitions: 'сведения о поощрениях',
  training: 'темы индивидуальных консультаций',
};

/**
 * What goes: every kind of data some table declares personal (PERSONAL_DATA), in the order of DATA_CATEGORIES, in
 * plain words. A table whose records are removed whole counts with its fields' kinds.
 */
export function erasedKinds(): string[] {
  const used = new Set<DataCategory>();
  for (const table of Object.values(PERSONAL_DATA)) for (const rule of Object.values(table.personal)) if (rule) used.add(rule.category);
  return DATA_CATEGORIES.filter((c) => used.has(c)).map((c) => PLAIN[c]);
}

/** What stays: the anonymous facts the year's indicators count (the `kept` fields of the tables, in plain words). */
export const KEPT_FACTS: readonly string[] = [
  'категория (обучающийся, педагог…), класс и роль — наставник или наставляемый',
  'возраст — без дня и месяца рождения',
  'что пара или группа была: форма наставничества, даты, статус',
  'сколько было встреч, их даты и виды',
  'даты подписания и отзыва согласия',
  'оценки по шкале в анкетах',
];

/** The sentences under the two lists. */
export const ERASURE_NOTES: readonly string[] = [
  'Обезличенные сведения нужны, чтобы показатели мониторинга за год остались верными; по ним нельзя узнать человека.',
  'Запись об уничтожении попадёт в файлы обмена: другие устройства уничтожат свои копии, а старый файл или резервная копия данные не вернут.',
  'Отменить уничтожение нельзя. Будет составлен акт об уничтожении с выгрузкой из журнала — их хранят 3 года.',
];

/** The reason as a choice: the act's words with a capital letter. */
export const REASON_OPTIONS: readonly { value: ErasureReason; label: string }[] = ERASURE_REASONS.map((value) => {
  const l = ERASURE_REASON_LABELS[value];
  return { value, label: l.charAt(0).toLocaleUpperCase('ru-RU') + l.slice(1) };
});

const text = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${field}: укажите`)
    .max(max, `${field}: не длиннее ${max} символов`);

/** Who performs the erasure and why: the act names both. */
export const erasureRequestSchema = z.object({
  performerName: text('ФИО того, кто уничтожает данные', 120),
  performerPosition: text('Должность', 120),
  reason: z.enum(ERASURE_REASONS, { message: 'Причина уничтожения: выберите причину' }),
});
export type ErasureRequest = z.output<typeof erasureRequestSchema>;
export interface ErasureRequestForm {
  performerName: string;
  performerPosition: string;
  reason: ErasureReason | '';
}

/**
 * The dialog's first values: the school's curator as the performer («куратор»), and «отзыв согласия» when one of the
 * person's consents is withdrawn (on or before today); otherwise the user chooses.
 */
export function erasureRequestDefaults(input: {
  curatorName: string | undefined;
  consents: readonly { withdrawnOn: string; deleted?: boolean }[];
  today: IsoDate;
}): ErasureRequestForm {
  const withdrawn = input.consents.some((c) => !c.deleted && c.withdrawnOn && c.withdrawnOn <= input.today);
  return { performerName: input.curatorName?.trim() ?? '', performerPosition: 'куратор', reason: withdrawn ? 'consentWithdrawn' : '' };
}

/** What an erased person's card says instead of their data. */
export function erasedCardText(e: Pick<Erasure, 'erasedOn' | 'reason'>): string {
  return `Персональные данные участника уничтожены ${formatRuDate(e.erasedOn)}. Причина: ${ERASURE_REASON_LABELS[e.reason] ?? e.reason}.`;
}

/** The import's line about records of erased people it skipped; null when there were none. */
export function erasedRecordsText(count: number): string | null {
  if (count <= 0) return null;
  const records = plural(count, { one: 'запись', few: 'записи', many: 'записей' });
  return `В файле были данные человека, чьи персональные данные уничтожены: ${records} — ${count === 1 ? 'она пропущена' : 'они пропущены'}.`;
}

/** One line of «Журнал уничтожения персональных данных». */
export interface ErasureJournalRow {
  id: string;
  date: string;
  subject: string;
  reason: string;
}

/** The journal's lines, newest first (as listErasureLog gives them). */
export function erasureJournalRows(entries: readonly ErasureActInput[]): ErasureJournalRow[] {
  return entries.map((e) => ({ id: e.id, date: formatRuDate(e.erasedOn), subject: subjectText(e), reason: e.reason }));
}

/** «Выгрузка_из_журнала_уничтожения_ПД_2025-10-30.docx». */
export function erasureLogFileName(today: IsoDate): string {
  return safeFileName(`Выгрузка_из_журнала_уничтожения_ПД_${today}.docx`);
}
