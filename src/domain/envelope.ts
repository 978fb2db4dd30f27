import { z } from 'zod';
import { isHlc } from './hlc';

/**
 * Every stored record carries this envelope. Only the storage layer writes it.
 *
 * `vv` is the record's version vector (device id → number of writes that device made to this record). With it a
 * merge can tell "newer" (one vector dominates) from "concurrent" (neither does), which a single timestamp cannot.
 * It is written from the first version of the database on, so merging bundles needs no data migration.
 */
export interface Envelope {
  id: string;
  createdAt: string;
  updatedAt: string;
  hlc: string;
  vv: Record<string, number>;
  deleted: boolean;
}

export type Stored<T> = T & Envelope;

/** The fields a user may edit: a record without its envelope. */
export type Draft<T> = Omit<T, keyof Envelope>;

export const ENVELOPE_KEYS = ['id', 'createdAt', 'updatedAt', 'hlc', 'vv', 'deleted'] as const;

const isoDateTime = z.string().datetime({ offset: true });

export const envelopeSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'неверный идентификатор'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  hlc: z.string().refine(isHlc, 'неверная метка времени'),
  vv: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().nonnegative()),
  deleted: z.boolean(),
});

export function newId(): string {
  return crypto.randomUUID();
}

export function stripEnvelope<T extends Envelope>(r: T): Draft<T> {
  const out = { ...r } as Record<string, unknown>;
  for (const k of ENVELOPE_KEYS) delete out[k];
  return out as Draft<T>;
}

export interface StampContext {
  hlc: string;
  deviceId: string;
  now: string;
}

/**
 * The envelope of the next version of a record written on this device: a new record gets an id and createdAt,
 * every write gets the new hlc, updatedAt and one more write counted for this device in the version vector.
 */
export function stampRecord<T extends object>(
  existing: Envelope | undefined,
  fields: T,
  ctx: StampContext,
  opts: { id?: string; deleted?: boolean } = {},
): T & Envelope {
  const clean = { ...fields } as Record<string, unknown>;
  for (const k of ENVELOPE_KEYS) delete clean[k];
  const vv = { ...(existing?.vv ?? {}) };
  vv[ctx.deviceId] = (vv[ctx.deviceId] ?? 0) + 1;
  return {
    ...(clean as T),
    id: existing?.id ?? opts.id ?? newId(),
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    hlc: ctx.hlc,
    vv,
    deleted: opts.deleted ?? false,
  };
}
