/** The zod schemas of ./preference: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { MAX_RANKED, PREFERENCE_SIDES } from './preference';

/**
 * The preference questionnaire after the networking meeting (анкета предпочтений): one person's ranking of people
 * on the other side, best first. `eventId` ties it to the meeting, so a second round in spring does not overwrite
 * the autumn's answers.
 */
export const preferenceInputSchema = z
  .object({
    eventId: z.string().min(1, 'Выберите мероприятие, после которого заполнена анкета'),
    personId: z.string().min(1, 'Выберите участника, который заполняет анкету'),
    side: z.enum(PREFERENCE_SIDES, { message: 'Укажите, кто заполняет анкету: наставник или наставляемый' }),
    ranked: z
      .array(z.string().min(1, 'Выберите участника'))
      .max(MAX_RANKED, `Не больше ${MAX_RANKED} участников в анкете`)
      .default([]),
  })
  .superRefine((p, ctx) => {
    p.ranked.forEach((id, i) => {
      if (id === p.personId)
        ctx.addIssue({ code: 'custom', path: ['ranked', i], message: 'Нельзя выбрать самого себя' });
      else if (p.ranked.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['ranked', i], message: `Участник уже выбран на ${p.ranked.indexOf(id) + 1}-е место` });
    });
  });
