/** The zod schemas of ./school: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { DEFAULT_CONSENT_AGE } from './person';

const count = (label: string) =>
  z.coerce
    .number({ message: `${label}: введите число` })
    .int(`${label}: целое число`)
    .min(1, `${label}: не меньше 1`)
    .max(100_000, `${label}: не больше 100 000`);

const swotPart = (label: string) => z.string().trim().max(4000, `${label}: не длиннее 4000 символов`).default('');

/**
 * The curator's SWOT analysis of the programme, the federal model's monitoring of the programme's quality: four
 * lists, one point per line.
 */
export const swotSchema = z.object({
  strengths: swotPart('Сильные стороны'),
  weaknesses: swotPart('Слабые стороны'),
  opportunities: swotPart('Возможности'),
  threats: swotPart('Угрозы'),
});
/**
 * The school and its academic year. The totals are the denominators of the roadmap's 10 % indicators, entered once
 * per year. One record per database; its id names the school in bundles.
 */
export const schoolInputSchema = z.object({
  name: z.string().trim().min(2, 'Укажите название школы').max(300, 'Название: не длиннее 300 символов'),
  academicYear: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{4}$/, 'Учебный год: в виде 2025/2026')
    .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, 'Учебный год: второй год на единицу больше первого'),
  studentsTotal: count('Число обучающихся'),
  teachersTotal: count('Число педагогов'),
  consentAge: z.coerce
    .number({ message: 'Возраст: введите число' })
    .int()
    .min(10, 'Возраст: от 10 до 18')
    .max(18, 'Возраст: от 10 до 18')
    .default(DEFAULT_CONSENT_AGE),
  /** Who signs orders and who runs the programme: printed on the documents the app prepares. */
  directorName: z.string().trim().max(120, 'ФИО директора: не длиннее 120 символов').default(''),
  curatorName: z.string().trim().max(120, 'ФИО куратора: не длиннее 120 символов').default(''),
  /** The school's own targets of the monitoring's indicators (id → share 0–1); unset ones take the roadmap's. */
  indicatorTargets: z.record(z.string(), z.number().min(0, 'Цель: от 0 до 100 %').max(1, 'Цель: от 0 до 100 %')).optional(),
  /** The curator's SWOT analysis of the year's programme (for the monitoring report). */
  swot: swotSchema.optional(),
});
