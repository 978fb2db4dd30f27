import { z } from 'zod';
import type { Stored } from './envelope';
import { ageOn, isValidIsoDate, todayIso, type IsoDate } from './dates';
import { normalizeText } from './text';
import { ERASED_FIRST_NAME, ERASED_LAST_NAME, ageOnly, blank, emptyList, placeholder, type TablePersonalData } from './personalData';

export const PERSON_CATEGORIES = ['student', 'teacher', 'parent', 'graduate', 'partnerRep'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const PERSON_ROLES = ['mentor', 'mentee'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The roadmap's rule: a student under 14 has the consent signed by a legal representative. A setting, default 14. */
export const DEFAULT_CONSENT_AGE = 14;

const NAME_RE = /^[\p{L}][\p{L}'’ .-]*$/u;
const CLASS_RE = /^(?:[1-9]|1[01])\s?[-]?\s?[А-ЯЁа-яёA-Za-z]?$/u;

const name = (label: string, required: boolean) => {
  const base = z
    .string()
    .trim()
    .max(60, `${label}: не длиннее 60 символов`)
    .refine((s) => s === '' || NAME_RE.test(s), `${label}: только буквы, дефис и апостроф`);
  return required ? base.refine((s) => s.length > 0, `Укажите: ${label.toLowerCase()}`) : base;
};

const isoDateField = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || isValidIsoDate(s), `${label}: неверная дата`);

const tagList = z
  .array(z.string().trim().min(1).max(60, 'Не длиннее 60 символов'))
  .max(30, 'Не больше 30 пунктов');

/** What a form or an import may set on a participant. Messages are in Russian and name the field. */
export const personInputSchema = z
  .object({
    lastName: name('Фамилия', true),
    firstName: name('Имя', true),
    middleName: name('Отчество', false).default(''),
    category: z.enum(PERSON_CATEGORIES, { message: 'Выберите категорию участника' }),
    classLabel: z
      .string()
      .trim()
      .max(8, 'Класс: не длиннее 8 символов')
      .default('')
      .transform(normalizeClassLabel),
    birthDate: isoDateField('Дата рождения').default(''),
    phone: z
      .string()
      .trim()
      .default('')
      .refine((s) => s === '' || /^\+?[\d\s()-]{5,20}$/.test(s), 'Телефон: только цифры, пробелы, скобки, дефис и +'),
    email: z
      .string()
      .trim()
      .default('')
      .refine((s) => s === '' || z.email().safeParse(s).success, 'Электронная почта: неверный адрес'),
    roles: z.array(z.enum(PERSON_ROLES)).max(2).default([]),
    interests: tagList.default([]),
    competencies: tagList.default([]),
    partnerId: z.string().max(64).default(''),
    notes: z.string().max(2000, 'Заметки: не длиннее 2000 символов').default(''),
    /** How many mentees a mentor takes in all (a group leader: more than one). Unset means one. */
    mentorCapacity: z
      .number({ message: 'Сколько наставляемых: укажите число' })
      .int('Сколько наставляемых: целое число')
      .min(1, 'Сколько наставляемых: не меньше 1')
      .max(30, 'Сколько наставляемых: не больше 30')
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.category === 'student') {
      if (!p.classLabel) ctx.addIssue({ code: 'custom', path: ['classLabel'], message: 'Укажите класс обучающегося' });
      else if (!CLASS_RE.test(p.classLabel))
        ctx.addIssue({ code: 'custom', path: ['classLabel'], message: 'Класс: число от 1 до 11 и буква, например 7Б' });
      if (!p.birthDate)
        ctx.addIssue({
          code: 'custom',
          path: ['birthDate'],
          message: 'Укажите дату рождения обучающегося: от неё зависит, кто подписывает согласие',
        });
    }
    if (p.birthDate && isValidIsoDate(p.birthDate)) {
      const age = ageOn(p.birthDate, todayIso());
      if (age < 5 || age > 100)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Дата рождения: возраст должен быть от 5 до 100 лет' });
    }
    if (p.category === 'partnerRep' && !p.partnerId)
      ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'Выберите организацию-партнёра' });
  });

export type PersonInput = z.input<typeof personInputSchema>;
export type PersonFields = z.output<typeof personInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PERSON_PERSONAL_DATA: TablePersonalData<PersonFields> = {
  personal: {
    lastName: placeholder('name', ERASED_LAST_NAME),
    firstName: placeholder('name', ERASED_FIRST_NAME),
    middleName: blank('name'),
    birthDate: ageOnly('birthDate'),
    phone: blank('contacts'),
    email: blank('contacts'),
    interests: emptyList('interests'),
    competencies: emptyList('interests'),
    notes: blank('notes'),
  },
  kept: ['category', 'classLabel', 'roles', 'partnerId', 'mentorCapacity'],
  action: 'anonymise',
};
export type Person = Stored<PersonFields>;

/** «7 б», «7-Б», «7б» → «7Б». */
export function normalizeClassLabel(s: string): string {
  return s.replace(/[\s-]+/g, '').toLocaleUpperCase('ru-RU');
}

export function fullName(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванова Мария Петровна» → «Иванова М. П.», as in orders. */
export function shortName(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>): string {
  const initials = [p.firstName, p.middleName]
    .filter(Boolean)
    .map((s) => `${s.charAt(0)}.`)
    .join(' ');
  return initials ? `${p.lastName} ${initials}` : p.lastName;
}

/** «Иванов И. И., 7А» or «Иванов И. И.» for adults. */
export function personLine(p: (Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'category' | 'classLabel'>) | undefined): string {
  if (!p) return '(участник удалён)';
  return p.category === 'student' && p.classLabel ? `${shortName(p)}, ${p.classLabel}` : shortName(p);
}

/** Normalised text a search runs against. */
export function personSearchText(p: PersonFields): string {
  return normalizeText(`${fullName(p)} ${p.classLabel}`);
}

/**
 * Must a legal representative sign this person's consent on `signingDate`? `unknown` when a student's birth date is
 * not known, so that the UI asks for one rather than guessing. Teachers, parents, partners' employees and graduates
 * are past the consent age by what they are, so they sign for themselves with or without a birth date on record.
 */
export function needsRepresentative(
  p: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] },
  signingDate: IsoDate = todayIso(),
  consentAge: number = DEFAULT_CONSENT_AGE,
): boolean | 'unknown' {
  if (!p.birthDate || !isValidIsoDate(p.birthDate)) return p.category && p.category !== 'student' ? false : 'unknown';
  return ageOn(p.birthDate, signingDate) < consentAge;
}

/** Two records describe the same human: same name (ё = е, any case) and the same birth date. */
export function duplicateKey(p: Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'birthDate'>): string {
  return `${normalizeText(fullName(p))}|${p.birthDate}`;
}
