import { z } from 'zod';

/** Shortest passphrase accepted: a bundle holds children's personal data, and PBKDF2 only slows guessing down. */
export const MIN_PASSPHRASE = 8;

/**
 * The export form: what goes into the file and whether it is encrypted. Messages name the field, in Russian.
 */
export const exportFormSchema = z
  .object({
    scope: z.enum(['school', 'mentorships']),
    mentorshipIds: z.array(z.string().min(1)).default([]),
    encrypt: z.boolean(),
    /** The files of materials go too (whole school only). */
    withFiles: z.boolean().default(false),
    passphrase: z.string().default(''),
    confirm: z.string().default(''),
  })
  .superRefine((f, ctx) => {
    if (f.scope === 'mentorships' && f.mentorshipIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['mentorshipIds'], message: 'Отметьте хотя бы одну пару или группу' });
    if (!f.encrypt) return;
    if (f.passphrase.length < MIN_PASSPHRASE)
      ctx.addIssue({ code: 'custom', path: ['passphrase'], message: `Парольная фраза: не короче ${MIN_PASSPHRASE} символов` });
    else if (f.passphrase.trim() !== f.passphrase)
      ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'Парольная фраза: уберите пробелы в начале и в конце' });
    if (f.confirm !== f.passphrase)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'Повтор не совпадает с парольной фразой' });
  });

export type ExportFormInput = z.input<typeof exportFormSchema>;

/** This device's name as other devices see it in their history and conflicts («Телефон куратора»). */
export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Название устройства: укажите, например «Телефон куратора»')
  .max(60, 'Название устройства: не длиннее 60 символов');
