import { DELETED_FIELD, fieldEntries, isEnvelopeKey, stampRecord, type StampContext, type StampOptions, type VersionedRecord } from './envelope';
import { sameJson } from './canonicalJson';
import { conflictingValues, keptHas, type KeptValue, type RecordState } from './merge';
import { compareWrites, type WriteStamp } from './writeStamp';

export { DELETED_FIELD };

/** One value a field holds in a conflict: the current winner, or a kept one. */
export interface FieldOption {
  write: WriteStamp;
  has: boolean;
  value?: unknown;
  current: boolean;
}

/** A field written with different values on two devices that had not seen each other's write. */
export interface FieldConflict {
  field: string;
  /** The current value first, then the kept ones, latest first. */
  options: FieldOption[];
}

/**
 * The fields in conflict, for the compare screen: only those with kept values, `deleted` first (a deletion against
 * an edit is the weightiest choice), then by name.
 */
export function conflictFields(state: RecordState): FieldConflict[] {
  const current = fieldEntries(state.record);
  const byField = new Map<string, KeptValue[]>();
  for (const k of conflictingValues(state)) byField.set(k.field, [...(byField.get(k.field) ?? []), k]);
  const out: FieldConflict[] = [];
  for (const [field, kept] of byField) {
    const cur = current.get(field);
    const options: FieldOption[] = cur ? [{ write: cur.write, has: cur.has, ...(cur.has ? { value: cur.value } : {}), current: true }] : [];
    for (const k of [...kept].sort((a, b) => compareWrites(b.write, a.write))) {
      // Two devices that lost with the same value: one choice, under the later write.
      if (options.some((o) => o.has === keptHas(k) && (!o.has || sameJson(o.value, k.value)))) continue;
      options.push({ write: k.write, has: keptHas(k), ...(keptHas(k) ? { value: k.value } : {}), current: false });
    }
    out.push({ field, options });
  }
  return out.sort((a, b) => (a.field === DELETED_FIELD ? -1 : b.field === DELETED_FIELD ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/**
 * The content of a resolution: every field as the record holds it now, except where `picks` names the write of a
 * kept value for a field (a kept absent value removes the field).
 */
export function pickFields(state: RecordState, picks: Readonly<Record<string, WriteStamp>>): { fields: Record<string, unknown>; deleted: boolean } {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state.record)) if (!isEnvelopeKey(k)) fields[k] = v;
  let deleted = state.record.deleted;
  for (const [field, write] of Object.entries(picks)) {
    const k = state.kept.find((x) => x.field === field && x.write === write);
    if (!k) continue;
    if (field === DELETED_FIELD) deleted = k.value === true;
    else if (isEnvelopeKey(field)) continue;
    else if (keptHas(k)) fields[field] = k.value;
    else delete fields[field];
  }
  return { fields, deleted };
}

/**
 * The version that settles a conflict: the chosen fields, written by this device on top of the stored record. The
 * stored record's vv covers every kept value, so this write is newer than all of them on every device it reaches,
 * and there they go (the caller removes this device's kept values in the same transaction).
 */
export function resolveRecord(
  current: VersionedRecord,
  chosen: Readonly<Record<string, unknown>>,
  ctx: StampContext,
  opts: { deleted?: boolean; groups?: StampOptions['groups'] } = {},
): VersionedRecord {
  return stampRecord(current, { ...chosen }, ctx, { deleted: opts.deleted ?? current.deleted, groups: opts.groups }) as VersionedRecord;
}
