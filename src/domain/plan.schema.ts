/** The zod schemas of ./plan: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { PLAN_ITEM_STATUSES } from './plan';

export const planInputSchema = z.object({
  mentorshipId: z.string().min(1, 'Не выбрана пара или группа'),
  title: z.string().trim().min(1, 'Укажите название плана').max(200, 'Название: не длиннее 200 символов'),
  /** Set by the order that approves the plan; with the snapshot of its items at that moment. */
  approvedByOrderId: z.string().default(''),
  approvedItemsDigest: z.string().default(''),
});

export const planItemInputSchema = z.object({
  planId: z.string().min(1),
  title: z.string().trim().min(1, 'Укажите, что нужно сделать').max(300, 'Не длиннее 300 символов'),
  dueDate: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isValidIsoDate(s), 'Срок: неверная дата'),
  status: z.enum(PLAN_ITEM_STATUSES).default('planned'),
  result: z.string().max(2000, 'Результат: не длиннее 2000 символов').default(''),
  evidence: z.string().max(1000, 'Подтверждение: не длиннее 1000 символов').default(''),
  order: z.number().int().default(0),
});
