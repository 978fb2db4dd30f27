import Papa from 'papaparse';
import type { Indicator, IndicatorStatus } from './monitoring';
import { isSwotEmpty, SWOT_PARTS, swotPoints, type SwotFields } from './school';

/**
 * The monitoring report for the municipality as plain sheets (rows of strings, numbers and dates), one per area.
 * Pure: the XLSX writer (write-excel-file, loaded only when a report is made), the print view and the tests all
 * read the same sheets.
 */
export type ReportCell = string | number | Date | null;
export interface ReportSheet {
  name: string;
  widths: number[];
  rows: ReportCell[][];
}

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: 'выполнено',
  atRisk: 'под угрозой',
  notMet: 'не выполнено',
  noData: 'нет данных',
};

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const date = (iso: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export interface ReportInput {
  school: { name: string; academicYear: string };
  today: string;
  indicators: readonly Indicator[];
  mentorships: readonly { title: string; form: string; mentors: string; mentees: string; status: string; meetings: number; stages: number; planPercent: number | null }[];
  plans: readonly { title: string; pair: string; planned: number; done: number; percent: number | null; approved: string }[];
  /** The year's meeting log, oldest first (absent: the sheet is left out). */
  meetings?: readonly { date: string; pair: string; kind: string; durationMin: number | null; place: string; attendees: number; notes: string }[];
  /** `signer`: who signed — the participant's or the legal representative's full name; `signerKind`: in what capacity. */
  consents: readonly { name: string; category: string; valid: boolean; signer: string; signerKind: string; signedOn: string; reason: string }[];
  training: readonly { group: string; members: number; sessions: number; consultations: number; experts: string; attendance: number | null }[];
  events: readonly { title: string; kind: string; date: string; attendees: number }[];
  questionnaires: readonly { questionnaire: string; question: string; n: number; before: number | null; after: number | null; delta: number | null }[];
  /** The register of best practices, newest year first. */
  practices?: readonly { title: string; form: string; authors: string; year: string; description: string; result: string }[];
  /** Recognitions of mentors, oldest first. */
  recognitions?: readonly { name: string; award: string; reason: string; date: string; order: string }[];
  /** The curator's SWOT analysis of the programme, if written. */
  swot?: SwotFields;
}

export function buildReport(r: ReportInput): ReportSheet[] {
  const title = (s: string): ReportCell[][] => [[`${s} — ${r.school.name}, ${r.school.academicYear} учебный год`], [`Сформировано ${r.today.split('-').reverse().join('.')}`], []];
  return [
    {
      name: 'Показатели',
      widths: [48, 12, 12, 12, 12, 16],
      rows: [
        ...title('Показатели эффективности'),
        ['Показатель', 'Значение, %', 'Цель, %', 'Учтено', 'Из (всего в базе)', 'Статус'],
        ...r.indicators.map((i) => [i.title, pct(i.value), pct(i.target), i.numerator, i.denominator, STATUS_LABELS[i.status]]),
      ],
    },
    {
      name: 'Пары и группы',
      widths: [28, 22, 30, 40, 14, 10, 10, 10],
      rows: [
        ...title('Наставнические пары и группы'),
        ['Название', 'Форма', 'Наставники', 'Наставляемые', 'Статус', 'Встреч', 'Этапов из 5', 'План, %'],
        ...r.mentorships.map((m) => [m.title, m.form, m.mentors, m.mentees, m.status, m.meetings, m.stages, m.planPercent === null ? null : pct(m.planPercent)]),
      ],
    },
    ...(r.meetings
      ? [
          {
            name: 'Встречи',
            widths: [12, 40, 22, 12, 22, 12, 60],
            rows: [
              ...title('Журнал встреч наставнических пар и групп'),
              ['Дата', 'Пара или группа', 'Этап', 'Минут', 'Место', 'Присутствовали', 'Заметки'],
              ...r.meetings.map((m) => [date(m.date), m.pair, m.kind, m.durationMin, m.place, m.attendees, m.notes]),
            ],
          },
        ]
      : []),
    {
      name: 'Планы',
      widths: [40, 40, 10, 12, 10, 24],
      rows: [
        ...title('Индивидуальные планы'),
        ['План', 'Пара или группа', 'Пунктов', 'Выполнено', '%', 'Утверждён'],
        ...r.plans.map((p) => [p.title, p.pair, p.planned, p.done, p.percent === null ? null : pct(p.percent), p.approved]),
      ],
    },
    {
      name: 'Согласия',
      widths: [34, 20, 12, 34, 28, 14, 40],
      rows: [
        ...title('Согласия на обработку персональных данных'),
        ['Участник', 'Категория', 'Согласие', 'Кто подписал', 'Подписант', 'Дата', 'Примечание'],
        ...r.consents.map((c) => [c.name, c.category, c.valid ? 'есть' : 'нет', c.signer, c.signerKind, date(c.signedOn), c.reason]),
      ],
    },
    {
      name: 'Обучение',
      widths: [30, 12, 12, 14, 40, 14],
      rows: [
        ...title('Обучение наставников'),
        ['Группа', 'Наставников', 'Занятий', 'Консультаций', 'Эксперты', 'Посещаемость, %'],
        ...r.training.map((t) => [t.group, t.members, t.sessions, t.consultations, t.experts, t.attendance === null ? null : pct(t.attendance)]),
      ],
    },
    {
      name: 'Мероприятия',
      widths: [48, 16, 14, 12],
      rows: [...title('Мероприятия'), ['Мероприятие', 'Вид', 'Дата', 'Участников'], ...r.events.map((e) => [e.title, e.kind, date(e.date), e.attendees])],
    },
    {
      name: 'Анкеты',
      widths: [34, 48, 8, 12, 12, 12],
      rows: [
        ...title('Диагностические анкеты: изменение за год'),
        ['Анкета', 'Вопрос', 'n', 'В начале', 'В конце', 'Изменение'],
        ...r.questionnaires.map((q) => [q.questionnaire, q.question, q.n, round1(q.before), round1(q.after), round1(q.delta)]),
      ],
    },
    {
      name: 'Поощрения',
      widths: [34, 30, 48, 12, 24],
      rows: [
        ...title('Поощрение наставников'),
        ['Наставник', 'Поощрение', 'За что', 'Дата', 'Приказ'],
        ...(r.recognitions ?? []).map((x) => [x.name, x.award, x.reason, date(x.date), x.order]),
      ],
    },
    {
      name: 'Практики',
      widths: [34, 22, 30, 12, 60, 40],
      rows: [
        ...title('Лучшие наставнические практики'),
        ['Практика', 'Форма', 'Авторы', 'Учебный год', 'Что делали', 'Результат'],
        ...(r.practices ?? []).map((x) => [x.title, x.form, x.authors, x.year, x.description, x.result]),
      ],
    },
    {
      name: 'SWOT-анализ',
      widths: [22, 90],
      rows: [
        ...title('SWOT-анализ программы наставничества'),
        ['Раздел', 'Пункт'],
        ...(isSwotEmpty(r.swot) ? [['Не заполнен', null]] : SWOT_PARTS.flatMap((p) => swotPoints(r.swot![p.key]).map((point) => [p.label, point]))),
      ],
    },
  ];
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * A text cell that Excel would run as a formula (it starts with =, +, -, @, a tab or a carriage return: anyone who
 * can send a file can type a note like «=HYPERLINK(…)») gets a leading apostrophe, which Excel shows as text. Number
 * cells are numbers, not text, and stay as they are («-2,5»).
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Any list as CSV for Excel (papaparse): `;` between fields, decimal commas, a BOM so Cyrillic opens right. */
export function toCsv(rows: readonly (readonly ReportCell[])[]): string {
  const cell = (c: ReportCell) =>
    c === null
      ? ''
      : c instanceof Date
        ? c.toISOString().slice(0, 10).split('-').reverse().join('.')
        : typeof c === 'number'
          ? String(c).replace('.', ',')
          : escapeFormula(c);
  return `\uFEFF${Papa.unparse(rows.map((r) => r.map(cell)), { delimiter: ';', newline: '\r\n' })}\r\n`;
}
