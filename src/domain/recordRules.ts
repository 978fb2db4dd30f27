import { z } from 'zod';
import { consentInputSchema } from './consent';
import { envelopeSchema, isEnvelopeKey, DELETED_FIELD } from './envelope';
import { erasureInputSchema } from './erasure';
import { eventInputSchema } from './event';
import { materialInputSchema } from './material';
import { meetingInputSchema } from './meeting';
import { mentoringFormInputSchema } from './mentoringForm';
import { mentorshipInputSchema } from './mentorship';
import { orderInputSchema } from './order';
import { partnerInputSchema } from './partner';
import { personInputSchema } from './person';
import { planInputSchema, planItemInputSchema } from './plan';
import { practiceInputSchema } from './practice';
import { preferenceInputSchema } from './preference';
import { questionnaireInputSchema, responseInputSchema } from './questionnaire';
import { recognitionInputSchema } from './recognition';
import { roadmapTaskInputSchema } from './roadmap';
import { schoolInputSchema } from './school';
import { isPlainObject } from './bundle/safeJson';
import { tableLabel, type SyncedTable } from './syncedTables';
import { trainingGroupInputSchema, trainingSessionInputSchema } from './training';
import { compareWrites, coversWrite, decodeWrite } from './writeStamp';

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

/**
 * Fields that a table's own rules check together (each `superRefine` of its schema). A write that changes one of
 * a group stamps the whole group, so the field-level merge takes a group from one write and never mixes, say, one
 * device's «прервана» with another device's empty reason. A test walks every pair of valid records of each table
 * and checks that any mix of groups is valid again: a new rule across fields fails it until its group is here.
 */
export const FIELD_GROUPS: Record<SyncedTable, readonly (readonly string[])[]> = {
  school: [],
  people: [['category', 'classLabel', 'birthDate', 'partnerId']],
  partners: [],
  mentoringForms: [],
  mentorships: [
    ['mentorIds', 'menteeIds'],
    ['startDate', 'plannedEndDate'],
    ['status', 'endDate', 'endReason'],
  ],
  meetings: [],
  plans: [],
  planItems: [],
  consents: [
    ['signer', 'representativeName'],
    ['signedOn', 'withdrawnOn'],
  ],
  orders: [],
  events: [],
  preferences: [['personId', 'ranked']],
  trainingGroups: [],
  trainingSessions: [['kind', 'attendeeIds']],
  materials: [],
  questionnaires: [],
  responses: [],
  recognitions: [['kind', 'title']],
  practices: [],
  roadmapTasks: [],
  erasures: [['erasedOn', 'withdrawnOn']],
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

export interface FieldProblem {
  field: string;
  message: string;
}

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

/**
 * The one error a refused write throws: the table, and a Russian message per field (`errors.endReason`), which
 * every form shows under its fields. Nothing was written.
 */
export class RecordRejected extends Error {
  constructor(
    readonly table: SyncedTable,
    readonly errors: Record<string, string>,
  ) {
    super(rejectionMessage(table, errors));
    this.name = 'RecordRejected';
  }
}

function rejectionMessage(table: SyncedTable, errors: Record<string, string>): string {
  const list = Object.values(errors);
  return `${tableLabel(table)}: запись не сохранена — ${list.slice(0, 3).join('; ')}${list.length > 3 ? ` и ещё ${list.length - 3}` : ''}`;
}

/** First message per field, as forms show them. */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = p.field || '_';
    if (!(key in out)) out[key] = p.message;
  }
  return out;
}
