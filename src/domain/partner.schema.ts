/** The zod schemas of ./partner: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { emailField, optionalDate, phoneField } from './fields.schema';
import { PARTNER_KINDS } from './partner';

export const partnerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Укажите название организации')
    .max(200, 'Название: не длиннее 200 символов'),
  kind: z.enum(PARTNER_KINDS, { message: 'Выберите вид организации' }),
  contactPerson: z.string().trim().max(120, 'Контактное лицо: не длиннее 120 символов').default(''),
  phone: phoneField(),
  email: emailField(),
  agreementNumber: z.string().trim().max(60, 'Номер соглашения: не длиннее 60 символов').default(''),
  agreementDate: optionalDate('Дата соглашения'),
  notes: z.string().max(2000, 'Заметки: не длиннее 2000 символов').default(''),
});
