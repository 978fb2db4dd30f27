import { err, ok, type Result } from '../../domain/bundle/result';
import { sameJson } from '../../domain/canonicalJson';
import { SYNCED_TABLES, type NastavnikDb } from '../db';
import type { ImportSnapshot } from './importBundle';
import type { ExchangeRecord } from './exchanges';
import type { VersionedRecord } from '../../domain/envelope';
import { eraseKeptValue, eraseRecord, erasureScopes } from '../../domain/erasure';

/**
 * The last import, when an erasure made since destroyed its undo data (it says so instead of «импорта ещё не было»):
 * the newest import in the history, not undone, marked `undoDroppedOn`.
 */
export async function undoDroppedByErasure(db: NastavnikDb): Promise<ExchangeRecord | undefined> {
  const last = ((await db.exchanges.orderBy('at').reverse().toArray()) as ExchangeRecord[]).find((x) => x.direction === 'import');
  return last && !last.undoneAt && last.undoDroppedOn ? last : undefined;
}

/** `afterErasure`: the last import's undo data was destroyed by an erasure made since (docs/ERASURE.md). */
export type UndoError = { kind: 'nothingToUndo'; afterErasure?: true } | { kind: 'changedSince'; count: number };

export function undoErrorMessage(e: UndoError): string {
  switch (e.kind) {
    case 'nothingToUndo':
      return e.afterErasure
        ? 'Отменять нечего: после последнего импорта были уничтожены персональные данные участника, и данные для отмены импорта уничтожены вместе с ними.'
        : 'Отменять нечего: после последнего импорта его уже отменили, или импорта ещё не было.';
    case 'changedSince':
      return `После импорта изменено записей: ${e.count}. Отмена импорта вернёт их к состоянию до импорта, и эти изменения пропадут.`;
    default: {
      const never: never = e;
      return String(never);
    }
  }
}

/** The import that "undo" would take back, if any. */
export async function lastImportSnapshot(db: NastavnikDb): Promise<ImportSnapshot | undefined> {
  const all = (await db.snapshots.toArray()) as ImportSnapshot[];
  return all.sort((a, b) => a.at.localeCompare(b.at)).at(-1);
}

/**
 * Puts every record and kept version the last import changed back as it was, in one transaction: records it
 * created are deleted, records it changed get their old version back, files of materials it brought are removed. If anything was edited since, it refuses
 * unless `force` (the UI asks first: undoing would throw those edits away). The clock is not turned back (stamps
 * must never repeat), and the history keeps the import, marked as undone.
 */
export async function undoLastImport(db: NastavnikDb, opts: { force?: boolean; now?: Date } = {}): Promise<Result<{ restored: number }, UndoError>> {
  return db.transaction('rw', [...SYNCED_TABLES, 'conflicts', 'exchanges', 'snapshots', 'files'], async () => {
    const snap = await lastImportSnapshot(db);
    if (!snap) return err((await undoDroppedByErasure(db)) ? { kind: 'nothingToUndo' as const, afterErasure: true as const } : { kind: 'nothingToUndo' as const });
    let changed = 0;
    for (const r of snap.records) {
      const now = await db.syncedTable(r.table).get(r.id);
      if (!now || !sameJson(now.vv, r.afterVv)) changed += 1;
    }
    if (changed > 0 && !opts.force) return err({ kind: 'changedSince' as const, count: changed });

    // What comes back passes through the erasures this device holds: nothing of an erased person returns, whatever
    // the snapshot held (an erasure clears it, docs/ERASURE.md; this is the second lock).
    const erasures = await db.erasures.toArray();
    const related: { table: (typeof SYNCED_TABLES)[number]; record: Record<string, unknown> }[] = [];
    if (erasures.length) {
      for (const t of ['mentorships', 'plans'] as const) for (const r of await db.syncedTable(t).toArray()) related.push({ table: t, record: r });
      for (const r of snap.records) if (r.before && (r.table === 'mentorships' || r.table === 'plans')) related.push({ table: r.table, record: r.before });
    }
    const scopes = erasureScopes(erasures, related);
    const owners = new Map<string, VersionedRecord>();
    for (const t of SYNCED_TABLES) {
      const mine = snap.records.filter((r) => r.table === t);
      if (!mine.length) continue;
      await db.syncedTable(t).bulkDelete(mine.filter((r) => !r.before).map((r) => r.id));
      // The records as they were stored before the import: they passed the write path then, and pass it again.
      const back: VersionedRecord[] = [];
      for (const r of mine) {
        if (!r.before) continue;
        owners.set(`${t}|${r.id}`, r.before);
        const e = eraseRecord(scopes, t, r.before);
        if (e.kind === 'unchanged') back.push(r.before);
        else if (e.kind === 'anonymised') back.push(e.record);
      }
      await db.syncedTable(t).bulkPut(back);
    }
    await db.conflicts.bulkDelete(snap.keptAdded);
    const keptBack = snap.keptBefore.flatMap((k) => {
      const owner = owners.get(`${k.table}|${k.recordId}`);
      const e = owner ? eraseKeptValue(scopes, k.table, owner, k) : 'unchanged';
      return e === 'remove' ? [] : e === 'unchanged' ? [k] : [e];
    });
    await db.conflicts.bulkPut(keptBack);
    await db.files.bulkDelete(snap.filesAdded ?? []);
    await db.exchanges.update(snap.exchangeId, { undoneAt: (opts.now ?? new Date()).toISOString() });
    await db.snapshots.clear();
    return ok({ restored: snap.records.length });
  });
}
