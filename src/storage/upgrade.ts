import Dexie, { type Transaction } from 'dexie';
import { migrateData } from '../domain/dataMigrations';
import { FIELD_GROUPS } from '../domain/recordRules';
import { loadRecordRules } from './recordRulesLoader';
import { sameJson } from '../domain/canonicalJson';
import { todayIso } from '../domain/dates';
import { DELETED_FIELD, fieldEntries, stampRecord, stripEnvelope, type VersionedRecord } from '../domain/envelope';
import { PERSONAL_DATA, tombstoneFields } from '../domain/erasure';
import { decodeHlc, encodeHlc, isHlc, tickHlc, type Hlc } from '../domain/hlc';
import { decodeWrite } from '../domain/writeStamp';
import { SYNCED_TABLES } from '../domain/syncedTables';
import type { ConflictRow, SetAsideRow } from './db';

export function keptRowId(table: string, recordId: string, field: string, write: string): string {
  return `${table}|${recordId}|${field}|${write}`;
}

/**
 * The data part of a database upgrade: the stored records and kept conflicts go through the same data steps as an
 * imported file (every step from 1: they are idempotent, so data already upgraded passes unchanged). A record that
 * then fails its table's rules is moved to `setAside` with the reasons (and its kept values dropped); the undo
 * snapshot of the last import, in the old shape, is dropped.
 */
export async function upgradeStoredData(tx: Transaction, now: Date = new Date()): Promise<void> {
  // The rules load on the first write (recordRulesLoader); an upgrade is one, inside its versionchange transaction.
  const { recordProblems } = await Dexie.waitFor(loadRecordRules());
  // The tables of the version being upgraded to: a synced table added by a later version (`erasures`) is not there yet.
  const present = SYNCED_TABLES.filter((t) => {
    try {
      tx.table(t);
      return true;
    } catch {
      return false;
    }
  });
  const tables: Record<string, unknown[]> = {};
  for (const t of present) tables[t] = await tx.table(t).toArray();
  const conflicts = await tx.table('conflicts').toArray();
  const { data } = migrateData({ tables, conflicts }, 1);
  const at = now.toISOString();
  const aside = new Set<string>();
  const asideRows: SetAsideRow[] = [];
  for (const t of present) {
    const keep: unknown[] = [];
    for (const r of data.tables[t] ?? []) {
      const problems = recordProblems(t, r);
      const id = String((r as { id?: unknown }).id ?? '');
      if (problems.length === 0) keep.push(r);
      else {
        aside.add(`${t}|${id}`);
        asideRows.push({ id: `${t}|${id}`, table: t, recordId: id, record: r, problems, at });
      }
    }
    await tx.table(t).bulkPut(keep);
    const gone = asideRows.filter((a) => a.table === t).map((a) => a.recordId);
    if (gone.length) await tx.table(t).bulkDelete(gone);
  }
  const rows: ConflictRow[] = [];
  for (const c of data.conflicts as ConflictRow[]) {
    if (typeof c.field !== 'string' || aside.has(`${c.table}|${c.recordId}`)) continue;
    rows.push({ ...c, id: keptRowId(c.table, c.recordId, c.field, c.write), detectedAt: typeof c.detectedAt === 'string' ? c.detectedAt : at });
  }
  await tx.table('conflicts').clear();
  await tx.table('conflicts').bulkPut(rows);
  if (asideRows.length) await tx.table('setAside').bulkPut(asideRows);
  await tx.table('snapshots').clear();
}

/**
 * Database version 5 (erasure, docs/ERASURE.md): a tombstone written before a deletion dropped the personal fields
 * still holds them. The device that made the deletion writes it again without them — a new write of its own, so it
 * merges and travels like any, and only one device rewrites each tombstone (no two concurrent rewrites of it). Kept
 * values of those fields go with them. A tombstone whose deleting device never upgrades keeps its fields.
 */
export async function stripOwnTombstones(tx: Transaction, now: Date = new Date()): Promise<void> {
  const { recordProblems } = await Dexie.waitFor(loadRecordRules());
  const device = (await tx.table('meta').get('deviceId')) as { value?: unknown } | undefined;
  if (typeof device?.value !== 'string') return;
  const deviceId = device.value;
  const hlcRow = (await tx.table('meta').get('hlc')) as { value?: unknown } | undefined;
  let clock: Hlc | null = typeof hlcRow?.value === 'string' && isHlc(hlcRow.value) ? decodeHlc(hlcRow.value) : null;
  const today = todayIso(now);
  const keptGone: string[] = [];
  for (const t of SYNCED_TABLES) {
    let table;
    try {
      table = tx.table(t);
    } catch {
      continue;
    }
    const personal = new Set(Object.keys(PERSONAL_DATA[t].personal));
    if (!personal.size) continue;
    const rewritten: VersionedRecord[] = [];
    for (const r of (await table.toArray()) as VersionedRecord[]) {
      if (r.deleted !== true || !Array.isArray(r.writes)) continue;
      const deletedBy = decodeWrite(fieldEntries(r).get(DELETED_FIELD)!.write).device;
      if (deletedBy !== deviceId) continue;
      const fields = stripEnvelope(r) as Record<string, unknown>;
      const stripped = tombstoneFields(t, fields, today);
      if (sameJson(stripped, fields)) continue;
      clock = tickHlc(clock, deviceId, now.getTime());
      const next = stampRecord(r, stripped, { hlc: encodeHlc(clock), deviceId, now: now.toISOString() }, { deleted: true, groups: FIELD_GROUPS[t] }) as VersionedRecord;
      if (recordProblems(t, next).length) continue;
      rewritten.push(next);
    }
    if (!rewritten.length) continue;
    await table.bulkPut(rewritten);
    const ids = new Set(rewritten.map((r) => r.id));
    const rows = (await tx.table('conflicts').toArray()) as ConflictRow[];
    for (const k of rows) if (k.table === t && ids.has(k.recordId) && personal.has(k.field)) keptGone.push(k.id);
  }
  if (keptGone.length) await tx.table('conflicts').bulkDelete(keptGone);
  if (clock) await tx.table('meta').put({ key: 'hlc', value: encodeHlc(clock) });
}
