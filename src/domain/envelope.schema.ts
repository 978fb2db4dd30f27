/** The zod schemas of ./envelope: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { isHlc } from './hlc';
import { isWriteStamp } from './writeStamp';

const isoDateTime = z.string().datetime({ offset: true });

export const envelopeSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'неверный идентификатор'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  hlc: z.string().refine(isHlc, 'неверная метка времени'),
  vv: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().nonnegative()),
  deleted: z.boolean(),
  writes: z.array(z.string().refine(isWriteStamp, 'неверная отметка записи')).min(1).max(200),
  fieldWrites: z.record(z.string().max(100), z.number().int().nonnegative()).optional(),
});
