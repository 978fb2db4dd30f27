import { z } from 'zod';
import type { Stored } from './envelope';
import { DEFAULT_CONSENT_AGE } from './person';
import { placeholder, type TablePersonalData } from './personalData';

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
export type SwotFields = z.output<typeof swotSchema>;
export const SWOT_PARTS: readonly { key: keyof SwotFields; label: string; hint: string }[] = [
  { key: 'strengths', label: 'Сильные стороны', hint: 'Что в программе удалось: например, «все пары провели пять этапов встреч»' },
  { key: 'weaknesses', label: 'Слабые стороны', hint: 'Что не получилось или мешало внутри школы' },
  { key: 'opportunities', label: 'Возможности', hint: 'Что вокруг школы может помочь: партнёры, гранты, выпускники' },
  { key: 'threats', label: 'Угрозы', hint: 'Что вокруг школы может помешать в следующем году' },
];

/** The points of one part: its non-empty lines, without list marks typed by hand («-», «•», «1.»). */
export function swotPoints(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-–—•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

export const isSwotEmpty = (s: SwotFields | undefined) => !s || SWOT_PARTS.every((p) => swotPoints(s[p.key]).length === 0);

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

export type SchoolInput = z.input<typeof schoolInputSchema>;
export type SchoolFields = z.output<typeof schoolInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const SCHOOL_PERSONAL_DATA: TablePersonalData<SchoolFields> = {
  personal: { directorName: placeholder('name'), curatorName: placeholder('name') },
  kept: ['name', 'academicYear', 'studentsTotal', 'teachersTotal', 'consentAge', 'indicatorTargets', 'swot'],
  action: 'anonymise',
};
export type School = Stored<SchoolFields>;

/** The days of an academic year: 1 September to 31 August. Null for a malformed year. */
export function academicYearBounds(academicYear: string): { start: string; end: string } | null {
  const m = /^(\d{4})\/(\d{4})$/.exec(academicYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return { start: `${m[1]}-09-01`, end: `${m[2]}-08-31` };
}

/** The academic year an ISO date falls in («2026-11-30» → «2026/2027»): September starts a new one. The one academic-year function. */
export function academicYearOfIso(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}/${start + 1}`;
}

/** The year today falls in, when it is not the school's (a new academic year has begun, or the clock is earlier). */
export function academicYearMismatch(academicYear: string, today: string): { configured: string; current: string } | undefined {
  const current = academicYearOfIso(today);
  return current === academicYear ? undefined : { configured: academicYear, current };
}

/**
 * Whether something that ran from `from` to `to` (ISO dates; '' for an unknown start or a still open end) touches
 * the academic year. Unknown dates count as touching it: better to show a record than to lose it from the year.
 */
export function overlapsAcademicYear(from: string, to: string, academicYear: string): boolean {
  const y = academicYearBounds(academicYear);
  if (!y) return true;
  return (!from || from <= y.end) && (!to || to >= y.start);
}
