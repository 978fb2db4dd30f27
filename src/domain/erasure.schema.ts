/** The zod schemas of ./erasure: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { DATA_CATEGORIES } from './personalData';
import { ERASURE_REASONS } from './erasure';

const isoDate = (label: string) => z.string().trim().refine((s) => isValidIsoDate(s), `${label}: укажите дату`);

/** The erasure record. Its id is the person's id: the same person erased on two devices is one record. */
export const erasureInputSchema = z
  .object({
    personId: z.string().min(1).max(64),
    erasedOn: isoDate('Дата уничтожения'),
    reason: z.enum(ERASURE_REASONS, { message: 'Укажите причину уничтожения' }),
    withdrawnOn: z
      .string()
      .trim()
      .default('')
      .refine((s) => s === '' || isValidIsoDate(s), 'Дата отзыва согласия: неверная дата'),
    /** Codes of the kinds of data destroyed (DATA_CATEGORIES). */
    categories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length).default([]),
    /** The pairs and groups the person was in when erased: their free text goes too, on every device. */
    mentorshipIds: z.array(z.string().min(1).max(64)).max(1000).default([]),
  })
  .superRefine((e, ctx) => {
    if (e.withdrawnOn && e.withdrawnOn > e.erasedOn)
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'Дата отзыва согласия позже даты уничтожения' });
  });
