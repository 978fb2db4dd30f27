/** The zod schemas of ./roadmap: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { optionalDate } from './fields.schema';
import { EVIDENCE_SCREENS, ROADMAP_SECTIONS, ROADMAP_STATUSES } from './roadmap';

export const roadmapTaskInputSchema = z.object({
  academicYear: z.string().regex(/^\d{4}\/\d{4}$/, 'Учебный год: в виде 2025/2026'),
  section: z.enum(ROADMAP_SECTIONS, { message: 'Выберите раздел дорожной карты' }),
  order: z.number().int().min(0).max(10_000).default(0),
  content: z.string().trim().min(1, 'Укажите содержание').max(1000, 'Содержание: не длиннее 1000 символов'),
  /** The roadmap's own words for the term («До конца октября», «В течение всего периода»). */
  deadlineText: z.string().trim().max(120, 'Срок: не длиннее 120 символов').default(''),
  /** The last day of the term, when it has one: what «просрочено» is measured against. */
  deadline: optionalDate('Срок'),
  expectedResult: z.string().trim().max(1000, 'Ожидаемый результат: не длиннее 1000 символов').default(''),
  indicator: z.string().trim().max(1000, 'Показатель: не длиннее 1000 символов').default(''),
  responsible: z.string().trim().max(200, 'Ответственный: не длиннее 200 символов').default(''),
  status: z.enum(ROADMAP_STATUSES, { message: 'Выберите статус' }).default('planned'),
  doneOn: optionalDate('Дата выполнения'),
  /**
   * The screen of the app that holds the evidence, or ''. One of a closed list (EVIDENCE_SCREENS): a file from
   * another device cannot make a roadmap row link anywhere else.
   */
  evidenceRoute: z.enum(['', ...EVIDENCE_SCREENS], { message: 'Подтверждение в приложении: такого экрана нет' }).default(''),
  note: z.string().trim().max(2000, 'Заметка: не длиннее 2000 символов').default(''),
});
