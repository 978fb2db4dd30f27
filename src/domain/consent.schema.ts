/** The zod schemas of ./consent: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate, todayIso } from './dates';
import { CONSENT_SIGNERS, signerProblem } from './consent';
import type { PersonFields } from './person';

export const consentInputSchema = z
  .object({
    personId: z.string().min(1, 'Не выбран участник'),
    signedOn: z
      .string()
      .trim()
      .refine((s) => isValidIsoDate(s), 'Дата подписания: укажите дату'),
    signer: z.enum(CONSENT_SIGNERS, { message: 'Укажите, кто подписал согласие' }),
    representativeName: z.string().trim().max(120, 'ФИО представителя: не длиннее 120 символов').default(''),
    representativeRelation: z.string().trim().max(60, 'Кем приходится: не длиннее 60 символов').default(''),
    withdrawnOn: z
      .string()
      .trim()
      .default('')
      .refine((s) => s === '' || isValidIsoDate(s), 'Дата отзыва: неверная дата'),
    notes: z.string().max(1000).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.signer === 'representative' && !c.representativeName)
      ctx.addIssue({ code: 'custom', path: ['representativeName'], message: 'Укажите ФИО законного представителя' });
    if (c.withdrawnOn && c.withdrawnOn < c.signedOn)
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'Дата отзыва раньше даты подписания' });
  });

/**
 * The consent form's rules: the domain schema plus the signer rule checked for this person at the signing date,
 * and the representative's relation (the printed form needs it).
 */
export function consentFormSchema(person: Pick<PersonFields, 'birthDate'> & { category?: PersonFields['category'] }, consentAge: number) {
  return consentInputSchema.superRefine((c, ctx) => {
    if (!isValidIsoDate(c.signedOn)) return;
    const problem = signerProblem(c, person, consentAge);
    if (problem) ctx.addIssue({ code: 'custom', path: ['signer'], message: problem });
    if (c.signer === 'representative' && !c.representativeRelation)
      ctx.addIssue({ code: 'custom', path: ['representativeRelation'], message: 'Укажите, кем представитель приходится участнику' });
    if (c.signedOn > todayIso()) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'Дата подписания не может быть в будущем' });
  });
}
