import { err, ok, type Result } from '../../domain/bundle/result';
import { sameJson } from '../../domain/canonicalJson';
import { SYNCED_TABLES, type NastavnikDb } from '../db';
import type { ImportSnapshot } from './importBundle';

export type UndoError = { kind: 'nothingToUndo' } | { kind: 'changedSince'; count: number };

export function undoErrorMessage(e: UndoError): string {
  switch (e.kind) {
    case 'nothingToUndo':
      return 'Отменять нечего: после последнего импорта его уже отменили, или импорта ещё не было.';
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
    if (!snap) return err({ kind: 'nothingToUndo' as const });
    let changed = 0;
    for (const r of snap.records) {
      const now = await db.syncedTable(r.table).get(r.id);
      if (!now || !sameJson(now.vv, r.afterVv)) changed += 1;
    }
    if (changed > 0 && !opts.force) return err({ kind: 'changedSince' as const, count: changed });

    for (const t of SYNCED_TABLES) {
      const mine = snap.records.filter((r) => r.table === t);
      if (!mine.length) continue;
      await db.syncedTable(t).bulkDelete(mine.filter((r) => !r.before).map((r) => r.id));
      // The records as they were stored before the import: they passed the write path then, and pass it again.
      await db.syncedTable(t).bulkPut(mine.flatMap((r) => (r.before ? [r.before] : [])));
    }
    await db.conflicts.bulkDelete(snap.keptAdded);
    await db.conflicts.bulkPut(snap.keptBefore);
    await db.files.bulkDelete(snap.filesAdded ?? []);
    await db.exchanges.update(snap.exchangeId, { undoneAt: (opts.now ?? new Date()).toISOString() });
    await db.snapshots.clear();
    return ok({ restored: snap.records.length });
  });
}
