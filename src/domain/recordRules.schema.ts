/**
 * The checks of ./recordRules that need zod: every table's schema, the envelope's, and the Russian messages. Apart,
 * so that the field groups and the refusal's type load without zod (issue 14); storage loads this module on the
 * first write (src/storage/recordRulesLoader.ts).
 */
import { z } from 'zod';
import { consentInputSchema } from './consent.schema';
import { isEnvelopeKey, DELETED_FIELD } from './envelope';
import { envelopeSchema } from './envelope.schema';
import { erasureInputSchema } from './erasure.schema';
import { eventInputSchema } from './event.schema';
import { materialInputSchema } from './material.schema';
import { meetingInputSchema } from './meeting.schema';
import { mentoringFormInputSchema } from './mentoringForm.schema';
import { mentorshipInputSchema } from './mentorship.schema';
import { orderInputSchema } from './order.schema';
import { partnerInputSchema } from './partner.schema';
import { personInputSchema } from './person.schema';
import { planInputSchema, planItemInputSchema } from './plan.schema';
import { practiceInputSchema } from './practice.schema';
import { preferenceInputSchema } from './preference.schema';
import { questionnaireInputSchema, responseInputSchema } from './questionnaire.schema';
import { recognitionInputSchema } from './recognition.schema';
import { roadmapTaskInputSchema } from './roadmap.schema';
import { schoolInputSchema } from './school.schema';
import { isPlainObject } from './bundle/safeJson';
import type { SyncedTable } from './syncedTables';
import { trainingGroupInputSchema, trainingSessionInputSchema } from './training.schema';
import { compareWrites, coversWrite, decodeWrite } from './writeStamp';
import type { FieldProblem } from './recordRules';

/**
 * What every record of a synced table must be, wherever it comes from: a form, an import, an undo, a conflict
 * resolution. The forms use the same schemas; the write path (src/storage/writePath.ts) and the import gate both
 * call `recordProblems`, so no device can store a record another device's import would refuse.
 *
 * Validation never rewrites a record (no trimming, no defaults): the same write must stay byte-for-byte the same on
 * every device, or merges would see two versions.
 */
export const TABLE_SCHEMAS: Record<SyncedTable, z.ZodType> = {
  school: schoolInputSchema,
  people: personInputSchema,
  partners: partnerInputSchema,
  mentoringForms: mentoringFormInputSchema,
  mentorships: mentorshipInputSchema,
  meetings: meetingInputSchema,
  plans: planInputSchema,
  planItems: planItemInputSchema,
  consents: consentInputSchema,
  orders: orderInputSchema,
  events: eventInputSchema,
  preferences: preferenceInputSchema,
  roadmapTasks: roadmapTaskInputSchema,
  trainingGroups: trainingGroupInputSchema,
  trainingSessions: trainingSessionInputSchema,
  materials: materialInputSchema,
  questionnaires: questionnaireInputSchema,
  responses: responseInputSchema,
  recognitions: recognitionInputSchema,
  practices: practiceInputSchema,
  erasures: erasureInputSchema,
};

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да или нет',
  array: 'список',
  object: 'объект',
  date: 'дата',
};
const UNITS: Record<string, string> = { string: 'символов', array: 'элементов', set: 'элементов' };

/**
 * Zod's own messages where a schema has none: in words a curator can read, lower-case and without a colon, so that
 * a message can put the field's name in front of them.
 */
export const ruError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'нет значения' : `должно быть ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'too_small':
      return `не меньше ${String(iss.minimum)}${UNITS[iss.origin] ? ` ${UNITS[iss.origin]}` : ''}`;
    case 'too_big':
      return `не больше ${String(iss.maximum)}${UNITS[iss.origin] ? ` ${UNITS[iss.origin]}` : ''}`;
    case 'invalid_format':
      return 'неверный формат';
    case 'invalid_value':
      return `допустимо одно из значений ${iss.values.map((v) => `«${String(v)}»`).join(', ')}`;
    default:
      return 'неверное значение';
  }
};

/** A schema's own refinement can throw on data no form would produce; that is a problem of the record, not a crash. */
function safeIssues(schema: z.ZodType, r: unknown): FieldProblem[] {
  try {
    const res = schema.safeParse(r, { error: ruError });
    return res.success ? [] : res.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  } catch (e) {
    return [{ field: '', message: `запись не удалось проверить (${e instanceof Error ? e.message : String(e)})` }];
  }
}

/** The table's own rules for the fields a user edits (no envelope). */
export function fieldsProblems(table: SyncedTable, fields: unknown): FieldProblem[] {
  return safeIssues(TABLE_SCHEMAS[table], fields);
}

/** The envelope's own consistency: its writes are seen by its vv, its indexes point at writes, its hlc is the latest. */
function stampProblems(env: z.output<typeof envelopeSchema>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const writes = env.writes;
  if (new Set(writes).size !== writes.length) out.push({ field: 'writes', message: 'отметки записей повторяются' });
  if (writes.some((w) => !coversWrite(env.vv, w))) out.push({ field: 'vv', message: 'вектор версий не учитывает запись, сделанную устройством' });
  for (const [k, i] of Object.entries(env.fieldWrites ?? {}))
    if (i >= writes.length || (isEnvelopeKey(k) && k !== DELETED_FIELD)) out.push({ field: `fieldWrites.${k}`, message: 'ссылка на несуществующую запись' });
  const latest = writes.reduce((a, b) => (compareWrites(a, b) >= 0 ? a : b));
  if (decodeWrite(latest).hlc !== env.hlc) out.push({ field: 'hlc', message: 'метка времени не совпадает с последней записью' });
  return out;
}

/** Everything wrong with one stored record of `table`: its envelope, its fields, the invariants merge relies on. */
export function recordProblems(table: SyncedTable, r: unknown): FieldProblem[] {
  if (!isPlainObject(r)) return [{ field: '', message: 'запись должна быть объектом' }];
  const out: FieldProblem[] = [];
  const env = envelopeSchema.safeParse(r, { error: ruError });
  if (!env.success) for (const i of env.error.issues) out.push({ field: i.path.join('.'), message: i.message });
  else out.push(...stampProblems(env.data));
  out.push(...fieldsProblems(table, r));
  return out;
}

/** The schema of one field of a table, where the table's schema is an object (for checking a kept value alone). */
export function fieldSchema(table: SyncedTable, field: string): z.ZodType | undefined {
  const s = TABLE_SCHEMAS[table] as unknown as { shape?: Record<string, z.ZodType> };
  return s.shape?.[field];
}
