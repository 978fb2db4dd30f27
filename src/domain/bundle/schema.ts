import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { personInputSchema } from '../person';
import { partnerInputSchema } from '../partner';
import { schoolInputSchema } from '../school';
import { mentorshipInputSchema } from '../mentorship';
import { meetingInputSchema } from '../meeting';
import { planInputSchema, planItemInputSchema } from '../plan';
import { consentInputSchema } from '../consent';
import { orderInputSchema } from '../order';
import { eventInputSchema } from '../event';
import { mentoringFormInputSchema } from '../mentoringForm';
import { preferenceInputSchema } from '../preference';
import { roadmapTaskInputSchema } from '../roadmap';
import { trainingGroupInputSchema, trainingSessionInputSchema } from '../training';
import { materialInputSchema } from '../material';
import { questionnaireInputSchema, responseInputSchema } from '../questionnaire';
import { recognitionInputSchema } from '../recognition';
import { practiceInputSchema } from '../practice';
import { BUNDLE_TABLES, type BundleTable } from './tables';

export const BUNDLE_FORMAT = 'nastavnik-bundle';
/** Raise by one, with a migration in migrations.ts, whenever the structure of the file changes. */
export const BUNDLE_FORMAT_VERSION = 2;

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'неверный идентификатор');

export const scopeSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('school') }),
  z.looseObject({ kind: z.literal('mentorships'), mentorshipIds: z.array(idSchema).min(1).max(10_000) }),
]);
export type BundleScope = { kind: 'school' } | { kind: 'mentorships'; mentorshipIds: string[] };

/**
 * The header. Loose objects everywhere: a field a newer app adds passes through untouched (forward compatibility);
 * only what this version relies on is checked.
 */
export const headerSchema = z.looseObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(40),
  /** The Dexie schema version of the exporting database, for support; compatibility is `formatVersion`'s job. */
  schemaVersion: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  device: z.looseObject({ id: idSchema, name: z.string().max(120) }),
  school: z.looseObject({ id: idSchema, name: z.string().max(300) }),
  scope: scopeSchema,
  /** Records per table (tombstones included), to tell a cut-off file from a small one. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  conflictCount: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the canonical JSON of `{ conflicts, tables }`: see `bundleChecksum`. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/, 'неверная контрольная сумма'),
});

/**
 * Tables whose fields the domain defines: a record must pass the same schema the app's forms use. Other tables are
 * checked for their envelope only until their issue defines them. Validation never rewrites a record (no trimming,
 * no defaults): the same write must stay byte-for-byte the same on every device, or merges would see two versions.
 */
export const TABLE_SCHEMAS: Partial<Record<BundleTable, z.ZodType>> = {
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
};

const looseEnvelope = z.looseObject(envelopeSchema.shape);

/** One record of `table` as the file holds it: envelope, the table's fields, and any field a newer app added. */
export function recordSchemaFor(table: BundleTable): z.ZodType {
  const fields = TABLE_SCHEMAS[table];
  return fields ? z.intersection(looseEnvelope, fields) : looseEnvelope;
}

/** The whole file, for the JSON Schema in docs/ (the parser checks record by record to report each problem). */
export function bundleSchema(): z.ZodType {
  const tables = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, z.array(recordSchemaFor(t)).optional()]));
  return z
    .looseObject({
      header: headerSchema,
      tables: z.looseObject(tables),
      conflicts: z.array(
        z.looseObject({
          table: z.enum(BUNDLE_TABLES),
          recordId: idSchema,
          version: looseEnvelope,
        }),
      ),
    })
    .meta({
      title: 'Файл обмена «Наставника»',
      description: 'A bundle of records exchanged between devices; see docs/BUNDLE_FORMAT.md.',
    });
}

export function bundleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(bundleSchema(), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}
