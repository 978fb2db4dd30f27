/** The zod schemas of ./partner: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { PARTNER_KINDS } from './partner';

export const partnerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Укажите название организации')
    .max(200, 'Название: не длиннее 200 символов'),
  kind: z.enum(PARTNER_KINDS, { message: 'Выберите вид организации' }),
  contactPerson: z.string().trim().max(120, 'Контактное лицо: не длиннее 120 символов').default(''),
  phone: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || /^\+?[\d\s()-]{5,20}$/.test(s), 'Телефон: только цифры, пробелы, скобки, дефис и +'),
  email: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || z.email().safeParse(s).success, 'Электронная почта: неверный адрес'),
  agreementNumber: z.string().trim().max(60, 'Номер соглашения: не длиннее 60 символов').default(''),
  agreementDate: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isValidIsoDate(s), 'Дата соглашения: неверная дата'),
  notes: z.string().max(2000, 'Заметки: не длиннее 2000 символов').default(''),
});
