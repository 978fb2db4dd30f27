/** The zod schemas of ./mentorship: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { optionalDate } from './fields.schema';
import { MENTORSHIP_STATUSES } from './mentorship';

/** A mentoring pair (one mentor, one mentee) or group (several mentees, or several mentors). */
export const mentorshipInputSchema = z
  .object({
    formId: z.string().min(1, 'Выберите форму наставничества'),
    mentorIds: z.array(z.string().min(1)).min(1, 'Выберите наставника').max(3, 'Не больше трёх наставников'),
    menteeIds: z.array(z.string().min(1)).min(1, 'Выберите хотя бы одного наставляемого').max(30, 'Не больше 30 наставляемых'),
    title: z.string().trim().max(120, 'Название: не длиннее 120 символов').default(''),
    goal: z.string().trim().max(1000, 'Цель: не длиннее 1000 символов').default(''),
    startDate: optionalDate('Дата начала'),
    plannedEndDate: optionalDate('Плановая дата окончания'),
    status: z.enum(MENTORSHIP_STATUSES).default('forming'),
    endDate: optionalDate('Дата окончания'),
    endReason: z.string().trim().max(500, 'Причина: не длиннее 500 символов').default(''),
  })
  .superRefine((m, ctx) => {
    const overlap = m.mentorIds.filter((id) => m.menteeIds.includes(id));
    if (overlap.length)
      ctx.addIssue({ code: 'custom', path: ['menteeIds'], message: 'Один человек не может быть наставником и наставляемым в одной паре' });
    if (new Set(m.menteeIds).size !== m.menteeIds.length)
      ctx.addIssue({ code: 'custom', path: ['menteeIds'], message: 'Наставляемый указан дважды' });
    if (new Set(m.mentorIds).size !== m.mentorIds.length)
      ctx.addIssue({ code: 'custom', path: ['mentorIds'], message: 'Наставник указан дважды' });
    if (m.startDate && m.plannedEndDate && m.plannedEndDate < m.startDate)
      ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'Плановая дата окончания раньше даты начала' });
    if (m.status === 'interrupted' && !m.endReason)
      ctx.addIssue({ code: 'custom', path: ['endReason'], message: 'Укажите причину, по которой работа прервана' });
    if ((m.status === 'finished' || m.status === 'interrupted') && !m.endDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Укажите дату окончания' });
  });
