/** The zod schemas of ./person: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { emailField, optionalDate, phoneField } from './fields.schema';
import { ageOn, isValidIsoDate, todayIso } from './dates';
import { PERSON_CATEGORIES, PERSON_ROLES, normalizeClassLabel } from './person';

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
    birthDate: optionalDate('Дата рождения'),
    phone: phoneField(),
    email: emailField(),
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
