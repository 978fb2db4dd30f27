import type { z } from 'zod';
import type { Stored } from './envelope';
import { placeholder, type TablePersonalData } from './personalData';
import type { schoolInputSchema, swotSchema } from './school.schema';

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
