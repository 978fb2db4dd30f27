import { z } from 'zod';
import type { ParsedBundle } from './bundle/format';
import { bundleErrorMessage, type BundleError } from './bundle/errors';
import { BUNDLE_FORMAT_VERSION } from './bundle/version';
import type { VersionedRecord } from './envelope';
import { formatDateTime, formatRuDate, todayIso, type IsoDate } from './dates';
import type { Indicator, IndicatorId, IndicatorStatus } from './monitoring';
import { yearIndicators, type YearIndicatorsInput } from './monitoringSnapshot';
import { STATUS_LABELS, type ReportCell, type ReportSheet } from './report';
import { plural } from './text';

/**
 * The municipality's summary (issue 15): many schools' whole-school files in, one monitoring table out. Pure: the
 * screen «Сводка по школам» and the command `npm run summary` both read each file with the bundle gate, turn it into
 * a `SchoolSummary` here at once (so only a few numbers per school stay in memory, never the school's records), and
 * put the summaries together with `buildSummary`. The indicators are the very ones of the school's own monitoring
 * (`yearIndicators`), so a school's row says what its own report says on the same day.
 *
 * The municipality's share of an indicator is the **sum of the schools' numerators ÷ the sum of their
 * denominators** (a pooled share: a school of 1,600 weighs more than a school of 90), not the mean of the schools'
 * shares.
 */

/** An indicator of one school, without the ids of who is not counted (they mean nothing outside the school). */
export type SummaryIndicator = Omit<Indicator, 'missing'> & { missingCount: number };

export interface SchoolSummary {
  schoolId: string;
  schoolName: string;
  academicYear: string;
  fileName: string;
  /** When the school saved the file (the header's createdAt). */
  createdAt: string;
  /** The day the indicators are counted on: the file's own date (local) unless the summary names one. */
  asOf: IsoDate;
  deviceName: string;
  /** The file's format as it was written (older files are brought up to date by the gate's migrations). */
  formatVersion: number;
  bundleId?: string;
  /** Live records, for the drill into the school. */
  counts: { people: number; mentorships: number; partners: number };
  indicators: SummaryIndicator[];
}

/** What reading one file gave: a school, or why it is not in the summary. */
export type FileReading =
  | { kind: 'school'; fileName: string; school: SchoolSummary; notes: string[] }
  | { kind: 'refused'; fileName: string; message: string };

export interface ReadOptions {
  /** Count every school on this day instead of its file's date. */
  asOf?: IsoDate;
}

const live = <T>(rows: readonly VersionedRecord[] | undefined): T[] => (rows ?? []).filter((r) => !r.deleted) as unknown as T[];

/**
 * One parsed file → the school's indicators, or a refusal in Russian: a file of some pairs or a changes-only file is
 * not the whole school and would understate every indicator.
 */
export function readSchoolFile(fileName: string, b: ParsedBundle, opts: ReadOptions = {}): FileReading {
  const h = b.header;
  if (h.scope.kind !== 'school') {
    const n = h.scope.mentorshipIds.length;
    return {
      kind: 'refused',
      fileName,
      message: `Это файл ${n === 1 ? 'одной пары или группы' : `${n} пар и групп`} школы «${h.school.name}», а не всей школы: показатели по нему были бы неполными, в сводку он не взят. Попросите школу сохранить в разделе «Обмен» файл «Вся школа».`,
    };
  }
  if (h.changesFor) {
    return {
      kind: 'refused',
      fileName,
      message: `Это файл «только новое» школы «${h.school.name}» для одного из её устройств: в нём лишь изменения, а не вся школа, в сводку он не взят. Попросите школу сохранить в разделе «Обмен» файл «Вся школа».`,
    };
  }
  const schools = live<YearIndicatorsInput['school'] & { name: string; createdAt: string }>(b.tables.school).sort((a, c) => a.createdAt.localeCompare(c.createdAt));
  const school = schools[0];
  if (!school) return { kind: 'refused', fileName, message: `В файле школы «${h.school.name}» нет её профиля (числа обучающихся и педагогов): показатели не посчитать.` };
  // The file's day where the summary is made (the school's own report used its local day too).
  const asOf = opts.asOf ?? todayIso(new Date(h.createdAt));
  const erased = new Set(live<{ personId: string }>(b.tables.erasures).map((e) => e.personId));
  const people = live<YearIndicatorsInput['people'][number]>(b.tables.people);
  const mentorships = live<YearIndicatorsInput['mentorships'][number]>(b.tables.mentorships);
  const partners = live<{ id: string }>(b.tables.partners);
  const indicators = yearIndicators({
    today: asOf,
    school,
    people,
    partners,
    consents: live(b.tables.consents),
    mentorships,
    plans: live(b.tables.plans),
    planItems: live(b.tables.planItems),
    events: live(b.tables.events),
    erasedPersonIds: erased,
  }).map(({ missing, ...i }) => ({ ...i, missingCount: missing.length }));
  const formatVersion = BUNDLE_FORMAT_VERSION - b.migrationsApplied.length;
  const notes =
    b.migrationsApplied.length > 0
      ? [`Файл старого формата (версия ${formatVersion}, нынешняя — ${BUNDLE_FORMAT_VERSION}): при чтении переведён в нынешний (${b.migrationsApplied.join('; ')}), показатели посчитаны как обычно.`]
      : [];
  return {
    kind: 'school',
    fileName,
    notes,
    school: {
      schoolId: h.school.id,
      schoolName: school.name || h.school.name,
      academicYear: school.academicYear,
      fileName,
      createdAt: h.createdAt,
      asOf,
      deviceName: h.device.name,
      formatVersion,
      ...(h.bundleId ? { bundleId: h.bundleId } : {}),
      counts: { people: people.length, mentorships: mentorships.length, partners: partners.length },
      indicators,
    },
  };
}

/** A file the gate refused (or one that could not be opened), with the gate's own Russian message. */
export function refusedFile(fileName: string, error: BundleError): FileReading {
  if (error.kind === 'passphraseRequired') return { kind: 'refused', fileName, message: 'Файл зашифрован: нужна парольная фраза, которую задала школа.' };
  return { kind: 'refused', fileName, message: bundleErrorMessage(error) };
}

export type FileStatus = 'used' | 'older' | 'repeat' | 'refused';

export interface FileOutcome {
  fileName: string;
  status: FileStatus;
  schoolName: string;
  createdAt: string;
  /** What happened to the file, in Russian: empty for a plain «в сводке». */
  messages: string[];
}

export const FILE_STATUS_LABELS: Record<FileStatus, string> = {
  used: 'в сводке',
  older: 'не учтён: есть файл новее',
  repeat: 'не учтён: тот же файл',
  refused: 'не учтён',
};

export interface IndicatorTotal {
  id: IndicatorId;
  title: string;
  /** Sums over the schools. */
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator of the sums (a pooled share), null when no school has a denominator. */
  share: number | null;
  /** The target when every school has the same one; null when they differ. */
  target: number | null;
  /** Schools with this indicator, and how many of them in each status. */
  schools: number;
  byStatus: Record<IndicatorStatus, number>;
}

export interface MunicipalSummary {
  /** One per school (the newest file of each), by name. */
  schools: SchoolSummary[];
  /** One per file given, in the order given. */
  files: FileOutcome[];
  totals: IndicatorTotal[];
  /** The academic year most schools' files are of ('' with no school). */
  academicYear: string;
}

const when = (iso: string) => formatDateTime(iso);

/**
 * The files' readings → the summary. Never stops at a bad file: each file gets its outcome. The same school twice:
 * the file saved later (header's createdAt) is used and both say so; the very same file twice counts once.
 */
export function buildSummary(readings: readonly FileReading[]): MunicipalSummary {
  const files: FileOutcome[] = readings.map((r) =>
    r.kind === 'refused'
      ? { fileName: r.fileName, status: 'refused', schoolName: '', createdAt: '', messages: [r.message] }
      : { fileName: r.fileName, status: 'used', schoolName: r.school.schoolName, createdAt: r.school.createdAt, messages: [...r.notes] },
  );
  const bySchool = new Map<string, number[]>();
  readings.forEach((r, i) => {
    if (r.kind !== 'school') return;
    const list = bySchool.get(r.school.schoolId);
    if (list) list.push(i);
    else bySchool.set(r.school.schoolId, [i]);
  });
  const schools: SchoolSummary[] = [];
  const schoolOf = (i: number) => (readings[i] as Extract<FileReading, { kind: 'school' }>).school;
  for (const indexes of bySchool.values()) {
    // Newest first; of two saved at the same moment, the one given first.
    const sorted = [...indexes].sort((a, b) => Date.parse(schoolOf(b).createdAt) - Date.parse(schoolOf(a).createdAt) || a - b);
    const newest = sorted[0]!;
    const kept = schoolOf(newest);
    schools.push(kept);
    for (const i of sorted.slice(1)) {
      const s = schoolOf(i);
      const same = (s.bundleId && s.bundleId === kept.bundleId) || s.createdAt === kept.createdAt;
      if (same) {
        files[i]!.status = 'repeat';
        files[i]!.messages.unshift(`Тот же файл школы «${kept.schoolName}», что и «${kept.fileName}» (сохранён ${when(kept.createdAt)}): учтён один раз.`);
      } else {
        files[i]!.status = 'older';
        files[i]!.messages.unshift(
          `Школа «${kept.schoolName}» есть и в файле «${kept.fileName}», сохранённом позже (${when(kept.createdAt)}); этот сохранён ${when(s.createdAt)}. В сводку взят более новый «${kept.fileName}».`,
        );
        files[newest]!.messages.push(`Из файлов этой школы взят этот, более новый; более старый «${s.fileName}» (${when(s.createdAt)}) не учтён.`);
      }
    }
  }
  schools.sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'ru') || a.schoolId.localeCompare(b.schoolId));

  const years = new Map<string, number>();
  for (const s of schools) years.set(s.academicYear, (years.get(s.academicYear) ?? 0) + 1);
  const academicYear = [...years].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0] ?? '';
  if (years.size > 1) {
    readings.forEach((r, i) => {
      if (r.kind === 'school' && files[i]!.status === 'used' && r.school.academicYear !== academicYear)
        files[i]!.messages.push(`Учебный год в файле — ${r.school.academicYear}, у большинства школ — ${academicYear}: показатели этой школы посчитаны за ${r.school.academicYear}.`);
    });
  }
  return { schools, files, totals: indicatorTotals(schools), academicYear };
}

/** Per indicator: the sums, the pooled share, the common target, and how many schools are in each status. */
export function indicatorTotals(schools: readonly SchoolSummary[]): IndicatorTotal[] {
  const order: IndicatorTotal[] = [];
  const byId = new Map<IndicatorId, IndicatorTotal & { targets: Set<number> }>();
  for (const s of schools) {
    for (const i of s.indicators) {
      let t = byId.get(i.id);
      if (!t) {
        t = { id: i.id, title: i.title, numerator: 0, denominator: 0, share: null, target: null, schools: 0, byStatus: { met: 0, atRisk: 0, notMet: 0, noData: 0 }, targets: new Set() };
        byId.set(i.id, t);
        order.push(t);
      }
      t.numerator += i.numerator;
      t.denominator += i.denominator;
      t.schools += 1;
      t.byStatus[i.status] += 1;
      t.targets.add(i.target);
    }
  }
  return order.map((t) => {
    const { targets, ...rest } = byId.get(t.id)!;
    return { ...rest, share: rest.denominator > 0 ? rest.numerator / rest.denominator : null, target: targets.size === 1 ? [...targets][0]! : null };
  });
}

// ---- the table's columns, as data -------------------------------------------------------------------------------

export const SCHOOL_FIELDS = ['name', 'academicYear', 'asOf', 'createdAt', 'fileName', 'formatVersion', 'deviceName'] as const;
export const INDICATOR_FIELDS = ['value', 'numerator', 'denominator', 'target', 'status', 'deadline', 'missingCount'] as const;
export type SchoolField = (typeof SCHOOL_FIELDS)[number];
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export const INDICATOR_IDS: readonly IndicatorId[] = ['mentorsAmongStudents', 'mentorsAmongTeachers', 'partnersWithMentors', 'consents', 'plansAt90', 'finalEvent', 'studentsInvolved'];

/**
 * One column of the summary: its id, its header, and where its value comes from — a field of the school's file or
 * one field of one indicator («value» and «target» in per cent, «status» in words). A municipality whose form has
 * other columns, in another order or with other headers, writes its own list (a JSON file: `summaryColumnsSchema`)
 * instead of changing code.
 */
export type SummaryColumn = { id: string; header: string; width?: number; school: SchoolField } | { id: string; header: string; width?: number; indicator: IndicatorId; field: IndicatorField };

const columnSchema = z.union([
  z.strictObject({ id: z.string().min(1).max(60), header: z.string().min(1, 'нужен заголовок').max(200), width: z.number().min(4).max(120).optional(), school: z.enum(SCHOOL_FIELDS, 'неизвестное поле школы') }),
  z.strictObject({
    id: z.string().min(1).max(60),
    header: z.string().min(1, 'нужен заголовок').max(200),
    width: z.number().min(4).max(120).optional(),
    indicator: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]], 'неизвестный показатель'),
    field: z.enum(INDICATOR_FIELDS, 'неизвестное поле показателя'),
  }),
]);
export const summaryColumnsSchema = z
  .array(columnSchema)
  .min(1, 'нужна хотя бы одна колонка')
  .max(300)
  .refine((cols) => new Set(cols.map((c) => c.id)).size === cols.length, 'идентификаторы колонок повторяются');

/** A municipality's list of columns (parsed JSON) → the columns, or what is wrong with it in Russian. */
export function parseSummaryColumns(json: unknown): { ok: true; columns: SummaryColumn[] } | { ok: false; message: string } {
  const r = summaryColumnsSchema.safeParse(json);
  if (r.success) return { ok: true, columns: r.data as SummaryColumn[] };
  const issue = r.error.issues[0]!;
  const at = issue.path.length ? ` (колонка № ${Number(issue.path[0]) + 1}${issue.path[1] ? `, «${String(issue.path[1])}»` : ''})` : '';
  return { ok: false, message: `Список колонок не подходит${at}: ${issue.message}. Каждая колонка — { "id", "header", и "school": поле школы или "indicator" с "field" }.` };
}

const SHORT_TITLES: Record<IndicatorId, string> = {
  mentorsAmongStudents: 'Наставники среди обучающихся',
  mentorsAmongTeachers: 'Наставники среди педагогов',
  partnersWithMentors: 'Партнёры с наставниками',
  consents: 'Согласия на обработку данных',
  plansAt90: 'Планы, выполненные на 90 %',
  finalEvent: 'Участники итоговой игры',
  studentsInvolved: 'Обучающиеся 10–18 лет в наставничестве',
};

/** The standard columns: the school, then for every indicator its value, numerator, denominator, target, status. */
export const DEFAULT_SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { id: 'school', header: 'Школа', width: 40, school: 'name' },
  { id: 'year', header: 'Учебный год', width: 12, school: 'academicYear' },
  { id: 'asOf', header: 'Данные на', width: 12, school: 'asOf' },
  ...INDICATOR_IDS.flatMap((id): SummaryColumn[] => [
    { id: `${id}.value`, header: `${SHORT_TITLES[id]}: значение, %`, width: 14, indicator: id, field: 'value' },
    { id: `${id}.numerator`, header: `${SHORT_TITLES[id]}: учтено`, width: 12, indicator: id, field: 'numerator' },
    { id: `${id}.denominator`, header: `${SHORT_TITLES[id]}: из`, width: 12, indicator: id, field: 'denominator' },
    { id: `${id}.target`, header: `${SHORT_TITLES[id]}: цель, %`, width: 10, indicator: id, field: 'target' },
    { id: `${id}.status`, header: `${SHORT_TITLES[id]}: статус`, width: 14, indicator: id, field: 'status' },
  ]),
];

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const day = (iso: string) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** A school's cell of a column. */
export function schoolCell(c: SummaryColumn, s: SchoolSummary): ReportCell {
  if ('school' in c) {
    switch (c.school) {
      case 'name':
        return s.schoolName;
      case 'academicYear':
        return s.academicYear;
      case 'asOf':
        return day(s.asOf);
      case 'createdAt':
        return formatDateTime(s.createdAt);
      case 'fileName':
        return s.fileName;
      case 'formatVersion':
        return s.formatVersion;
      case 'deviceName':
        return s.deviceName;
    }
  }
  const i = s.indicators.find((x) => x.id === c.indicator);
  if (!i) return null;
  switch (c.field) {
    case 'value':
      return pct(i.value);
    case 'numerator':
      return i.numerator;
    case 'denominator':
      return i.denominator;
    case 'target':
      return pct(i.target);
    case 'status':
      return STATUS_LABELS[i.status];
    case 'deadline':
      return day(i.deadline);
    case 'missingCount':
      return i.missingCount;
  }
}

/** «выполнено в 2 из 3 школ» for the totals row. */
export function statusCount(t: IndicatorTotal): string {
  return `выполнено в ${t.byStatus.met} из ${plural(t.schools, { one: 'школы', few: 'школ', many: 'школ' })}`;
}

/** The totals row's cell of a column: sums, the pooled share, the common target. */
export function totalCell(c: SummaryColumn, totals: readonly IndicatorTotal[], schools: number): ReportCell {
  if ('school' in c) return c.school === 'name' ? `Итого по муниципалитету (${plural(schools, { one: 'школа', few: 'школы', many: 'школ' })})` : null;
  const t = totals.find((x) => x.id === c.indicator);
  if (!t) return null;
  switch (c.field) {
    case 'value':
      return pct(t.share);
    case 'numerator':
      return t.numerator;
    case 'denominator':
      return t.denominator;
    case 'target':
      return pct(t.target);
    case 'status':
      return statusCount(t);
    case 'missingCount':
    case 'deadline':
      return null;
  }
}

export const SHARE_RULE = 'Доля муниципалитета = сумма «учтено» всех школ ÷ сумма «из» всех школ (не среднее долей школ).';

/** The summary as sheets, laid out as the school's report (title, date, a blank row, the header): the same XLSX writer. */
export function summarySheets(s: MunicipalSummary, opts: { today: IsoDate; columns?: readonly SummaryColumn[] }): ReportSheet[] {
  const columns = opts.columns ?? DEFAULT_SUMMARY_COLUMNS;
  const made = `Сформировано ${formatRuDate(opts.today)}. ${SHARE_RULE}`;
  const year = s.academicYear ? `, ${s.academicYear} учебный год` : '';
  return [
    {
      name: 'Сводка',
      widths: columns.map((c) => c.width ?? 14),
      rows: [
        [`Сводка мониторинга по школам${year}: ${plural(s.schools.length, { one: 'школа', few: 'школы', many: 'школ' })}`],
        [made],
        [],
        columns.map((c) => c.header),
        ...s.schools.map((school) => columns.map((c) => schoolCell(c, school))),
        columns.map((c) => totalCell(c, s.totals, s.schools.length)),
      ],
    },
    {
      name: 'Итоги',
      widths: [48, 14, 14, 16, 10, 12, 12, 12, 12, 10],
      rows: [
        [`Итоги по муниципалитету${year}`],
        [made],
        [],
        ['Показатель', 'Учтено (сумма)', 'Из (сумма)', 'Доля муниципалитета, %', 'Цель, %', 'Выполнено', 'Под угрозой', 'Не выполнено', 'Нет данных', 'Школ'],
        ...s.totals.map((t) => [t.title, t.numerator, t.denominator, pct(t.share), pct(t.target), t.byStatus.met, t.byStatus.atRisk, t.byStatus.notMet, t.byStatus.noData, t.schools]),
      ],
    },
    {
      name: 'Файлы',
      widths: [44, 40, 20, 24, 90],
      rows: [
        ['Прочитанные файлы'],
        [`Сформировано ${formatRuDate(opts.today)}`],
        [],
        ['Файл', 'Школа', 'Сохранён', 'Результат', 'Пояснение'],
        ...s.files.map((f) => [f.fileName, f.schoolName, f.createdAt ? formatDateTime(f.createdAt) : '', FILE_STATUS_LABELS[f.status], f.messages.join(' ')]),
      ],
    },
  ];
}

/** The drill into one school: its indicators as the school's own report lists them. */
export function schoolIndicatorRows(s: SchoolSummary): ReportCell[][] {
  return [
    ['Показатель', 'Значение, %', 'Цель, %', 'Учтено', 'Из (всего в базе)', 'Статус', 'Срок'],
    ...s.indicators.map((i) => [i.title, pct(i.value), pct(i.target), i.numerator, i.denominator, STATUS_LABELS[i.status], day(i.deadline)]),
  ];
}

/** Per cent as the report writes it (one decimal), for the screens. */
export const summaryPct = pct;
