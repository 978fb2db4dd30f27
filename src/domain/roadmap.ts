import type { z } from 'zod';
import type { Stored } from './envelope';
import type { IsoDate } from './dates';
import { blank, type TablePersonalData } from './personalData';
import type { roadmapTaskInputSchema } from './roadmap.schema';

/**
 * The school's roadmap (дорожная карта): a row per task of the year with its deadline, expected result (the
 * document it produces), indicator and who is responsible. The seed's rows ship as the template of a new year
 * (`roadmapTemplate`, ./roadmapTemplate.ts); the curator edits, adds and removes rows.
 */
export const ROADMAP_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  planned: 'не начато',
  inProgress: 'в работе',
  done: 'выполнено',
  cancelled: 'отменено',
};

export const ROADMAP_SECTIONS = ['organisation', 'methods'] as const;
export type RoadmapSection = (typeof ROADMAP_SECTIONS)[number];
export const ROADMAP_SECTION_LABELS: Record<RoadmapSection, string> = {
  organisation: 'Организационно-методическое сопровождение деятельности',
  methods: 'Программно-методическое сопровождение деятельности',
};

/** The app's screens a roadmap row may point to as its evidence (the template's rows use these). */
export const EVIDENCE_SCREENS = [
  '/people?role=mentee',
  '/people?role=mentor',
  '/partners',
  '/networking',
  '/mentorships',
  '/consents',
  '/orders',
  '/mentorships?attention=1',
] as const;
export type EvidenceScreen = (typeof EVIDENCE_SCREENS)[number];

export type RoadmapTaskFields = z.output<typeof roadmapTaskInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const ROADMAP_TASK_PERSONAL_DATA: TablePersonalData<RoadmapTaskFields> = {
  personal: { responsible: blank('name'), note: blank('notes') },
  kept: ['academicYear', 'section', 'order', 'content', 'deadlineText', 'deadline', 'expectedResult', 'indicator', 'status', 'doneOn', 'evidenceRoute'],
  action: 'anonymise',
};
export type RoadmapTask = Stored<RoadmapTaskFields>;

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** Month names in the nominative, January first (the roadmap's «Сентябрь 2025 г.»). */
export const MONTH_NAMES: readonly string[] = MONTHS;

/** 2025 for «2025/2026»; throws on anything else. */
export function startYear(academicYear: string): number {
  const m = /^(\d{4})\/(\d{4})$/.exec(academicYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new Error(`Учебный год «${academicYear}»: нужен вид 2025/2026`);
  return Number(m[1]);
}

/** Past its deadline and neither done nor cancelled. */
export function isOverdue(t: Pick<RoadmapTaskFields, 'deadline' | 'status'>, today: IsoDate): boolean {
  return !!t.deadline && t.deadline < today && t.status !== 'done' && t.status !== 'cancelled';
}

export interface RoadmapMonth<T = RoadmapTaskFields> {
  /** `2025-09`, or '' for rows without a deadline. */
  key: string;
  label: string;
  tasks: T[];
}

/**
 * The timeline: the months of the academic year (August before it starts to June), each with the rows due in it,
 * then the rows without a deadline. Months before or after that range are kept, in order, so nothing is lost.
 */
export function roadmapByMonth<T extends RoadmapTaskFields>(tasks: readonly T[], academicYear: string): RoadmapMonth<T>[] {
  const y0 = startYear(academicYear);
  const keys = [`${y0}-08`, ...[9, 10, 11, 12].map((m) => `${y0}-${String(m).padStart(2, '0')}`), ...[1, 2, 3, 4, 5, 6].map((m) => `${y0 + 1}-0${m}`)];
  const by = new Map<string, T[]>(keys.map((k) => [k, []]));
  const none: T[] = [];
  for (const t of [...tasks].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.order - b.order)) {
    if (!t.deadline) {
      none.push(t);
      continue;
    }
    const k = t.deadline.slice(0, 7);
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(t);
  }
  const label = (k: string) => `${MONTHS[Number(k.slice(5)) - 1]![0]!.toUpperCase()}${MONTHS[Number(k.slice(5)) - 1]!.slice(1)} ${k.slice(0, 4)}`;
  const months = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, ts]) => ({ key, label: label(key), tasks: ts }));
  return [...months, ...(none.length ? [{ key: '', label: 'Без срока', tasks: none }] : [])];
}

/** Counts for the roadmap's header: done of all not cancelled, and overdue. */
export function roadmapProgress(tasks: readonly Pick<RoadmapTaskFields, 'deadline' | 'status'>[], today: IsoDate) {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  return {
    total: counted.length,
    done: counted.filter((t) => t.status === 'done').length,
    overdue: counted.filter((t) => isOverdue(t, today)).length,
  };
}
