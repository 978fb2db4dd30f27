import { ageOn, isValidIsoDate, type IsoDate } from './dates';

/**
 * Which fields of a table are personal data, and what erasing them leaves (docs/ERASURE.md). Each table declares one
 * `TablePersonalData` next to its schema (`PERSON_PERSONAL_DATA` in person.ts, …); a test compares each schema's
 * fields with `personal` ∪ `kept`, so a new field cannot be added without saying which it is.
 *
 * Pure, no imports of the tables: they import this.
 */

/** The kinds of personal data the act of destruction and the log name (their Russian labels: DATA_CATEGORY_LABELS). */
export const DATA_CATEGORIES = [
  'name',
  'birthDate',
  'contacts',
  'notes',
  'interests',
  'consentDetails',
  'pairText',
  'meetingText',
  'planText',
  'answers',
  'preferences',
  'recognitions',
  'training',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  name: 'фамилия, имя, отчество',
  birthDate: 'дата рождения',
  contacts: 'номер телефона, адрес электронной почты',
  notes: 'заметки об участнике',
  interests: 'интересы и компетенции',
  consentDetails: 'сведения о законном представителе и заметки в согласии на обработку персональных данных',
  pairText: 'цель, название и причина окончания работы пары или группы',
  meetingText: 'место, заметки и договорённости встреч',
  planText: 'пункты, результаты и подтверждения индивидуального плана',
  answers: 'ответы на анкеты (кроме оценок по шкале)',
  preferences: 'анкеты предпочтений после нетворкинга',
  recognitions: 'сведения о поощрениях',
  training: 'темы индивидуальных консультаций наставника',
};

/** What erasing one field does with the value a write put there: `on` is the erasure's date. */
export interface FieldErasure {
  category: DataCategory;
  erase(value: unknown, on: IsoDate): unknown;
  /**
   * The name of someone other than the person the record is about (a session's expert): erased in a tombstone and
   * where it names the erased person (`NAMED_FIELDS` in erasure.ts), not because the record is about her.
   */
  thirdParty?: true;
}

/**
 * What erasure does with a record about the erased person: `anonymise` (its personal fields take their erased values,
 * the anonymous facts stay, so the indicators count the same) or `remove` (nothing anonymous worth keeping).
 */
export type ErasureAction = 'anonymise' | 'remove';

export interface TablePersonalData<F = Record<string, unknown>> {
  /** Personal fields and what each becomes. */
  personal: { readonly [K in keyof F & string]?: FieldErasure };
  /** Fields that are not personal data: kept as they are. */
  kept: readonly (keyof F & string)[];
  action: ErasureAction;
}

/** The placeholder of a name that must not be empty: the record stays valid and its screens have something to show. */
export const ERASED_LAST_NAME = 'Обезличено';
export const ERASED_FIRST_NAME = 'Участник';
/** The placeholder of a text a table's rules require. */
export const ERASED_TEXT = 'Обезличено';

/** A text becomes empty. */
export const blank = (category: DataCategory): FieldErasure => ({ category, erase: (v) => (typeof v === 'string' ? '' : v) });

/** A list becomes empty. */
export const emptyList = (category: DataCategory): FieldErasure => ({ category, erase: (v) => (Array.isArray(v) ? [] : v) });

/** A text that the rules require (when it is set): a set value becomes `placeholder`, an empty one stays empty. */
export const placeholder = (category: DataCategory, text: string = ERASED_TEXT): FieldErasure => ({
  category,
  erase: (v) => (typeof v === 'string' && v !== '' ? text : v),
});

/**
 * A birth date becomes the date that gives the same age on the erasure's day (the birthday falls on that day): the
 * day and the month are gone, the age that the «10–18 лет» indicator and the consent rules read stays. The same
 * value whichever write it came from and however often it is applied.
 */
export const ageOnly = (category: DataCategory): FieldErasure => ({
  category,
  erase: (v, on) => {
    if (typeof v !== 'string' || !isValidIsoDate(v) || !isValidIsoDate(on) || v > on) return typeof v === 'string' && v !== '' && !isValidIsoDate(v) ? '' : v;
    return yearsBefore(on, ageOn(v, on));
  },
});

/** Answers of a questionnaire keep their scale marks (numbers) only: texts and choices go. */
export const marksOnly = (category: DataCategory): FieldErasure => ({
  category,
  erase: (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, a]) => typeof a === 'number'));
  },
});

function yearsBefore(on: IsoDate, years: number): IsoDate {
  const y = Number(on.slice(0, 4)) - years;
  let md = on.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}
