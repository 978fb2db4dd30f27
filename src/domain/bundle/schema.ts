import { z } from 'zod';
import { envelopeSchema } from '../envelope.schema';
import { TABLE_SCHEMAS } from '../recordRules.schema';
import { isWriteStamp } from '../writeStamp';
import { SYNCED_TABLES, type SyncedTable } from '../syncedTables';

import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleScope } from './version';

// The file's name and version live in ./version.ts (no zod); re-exported for the gate's callers.
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleScope };

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'неверный идентификатор');

export const scopeSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('school') }),
  z.looseObject({ kind: z.literal('mentorships'), mentorshipIds: z.array(idSchema).min(1).max(10_000) }),
]);

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
  /** This file's own id, which the receiving device acknowledges in its next file (`acks`). */
  bundleId: idSchema.optional(),
  /** Device id → the id of the last file this device imported from it: the sender learns what reached us. */
  acks: z.record(idSchema, idSchema).optional(),
  /** Only what the named device had not seen (`selectDelta`); absent: the whole scope. */
  changesFor: idSchema.optional(),
});

const looseEnvelope = z.looseObject(envelopeSchema.shape);

/** One record of `table` as the file holds it: envelope, the table's fields, and any field a newer app added. */
export function recordSchemaFor(table: SyncedTable): z.ZodType {
  return z.intersection(looseEnvelope, TABLE_SCHEMAS[table]);
}

/** The whole file, for the JSON Schema in docs/ (the parser checks record by record to report each problem). */
export function bundleSchema(): z.ZodType {
  const tables = Object.fromEntries(SYNCED_TABLES.map((t) => [t, z.array(recordSchemaFor(t)).optional()]));
  return z
    .looseObject({
      header: headerSchema,
      tables: z.looseObject(tables),
      conflicts: z.array(
        z.looseObject({
          table: z.enum(SYNCED_TABLES),
          recordId: idSchema,
          field: z.string().min(1).max(100),
          write: z.string().refine(isWriteStamp),
          value: z.unknown().optional(),
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
