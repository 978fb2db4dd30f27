import { ENVELOPE_KEYS, stampRecord, type StampContext } from './envelope';
import { sameJson } from './canonicalJson';
import type { VersionedRecord } from './merge';

const ENVELOPE = new Set<string>(ENVELOPE_KEYS);

/** The pseudo-field under which the compare screen offers "deleted or not" like any other field. */
export const DELETED_FIELD = 'deleted';

/**
 * Fields on which the versions of a record disagree, for the field-by-field compare screen. Envelope fields are
 * bookkeeping and are left out, except `deleted`: a deletion against an edit is a choice the curator makes.
 */
export function differingFields(versions: readonly VersionedRecord[]): string[] {
  const keys = new Set<string>();
  for (const v of versions) for (const k of Object.keys(v)) if (!ENVELOPE.has(k)) keys.add(k);
  const out = [...keys].filter((k) => versions.some((v) => !sameJson(v[k], versions[0]?.[k]))).sort();
  if (versions.some((v) => v.deleted !== versions[0]?.deleted)) out.unshift(DELETED_FIELD);
  return out;
}

/**
 * The content of a resolution: every field from `versions[0]` (the current winner) unless `picks` names another
 * version's index for it. A field missing from the picked version is left out, as that version had it.
 */
export function pickFields(
  versions: readonly VersionedRecord[],
  picks: Readonly<Record<string, number>>,
): { fields: Record<string, unknown>; deleted: boolean } {
  const base = versions[0];
  if (!base) throw new Error('pickFields: нет ни одной версии');
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) if (!ENVELOPE.has(k)) fields[k] = v;
  for (const [k, i] of Object.entries(picks)) {
    const from = versions[i];
    if (!from || k === DELETED_FIELD || ENVELOPE.has(k)) continue;
    if (Object.hasOwn(from, k)) fields[k] = from[k];
    else delete fields[k];
  }
  const deletedFrom = picks[DELETED_FIELD];
  const deleted = (deletedFrom !== undefined ? versions[deletedFrom]?.deleted : undefined) ?? base.deleted;
  return { fields, deleted };
}

/**
 * The version that settles a conflict: the chosen fields, written by this device on top of the stored record.
 * The stored record's vv already covers every kept version, so one more write of this device makes the resolution
 * newer than all of them on every device it reaches; there it replaces the kept versions.
 */
export function resolveRecord(
  current: VersionedRecord,
  chosen: Readonly<Record<string, unknown>>,
  ctx: StampContext,
  opts: { deleted?: boolean } = {},
): VersionedRecord {
  return stampRecord(current, { ...chosen }, ctx, { deleted: opts.deleted ?? current.deleted }) as VersionedRecord;
}
