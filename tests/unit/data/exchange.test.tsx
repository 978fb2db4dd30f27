// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import {
  useConflictCount,
  useConflicts,
  useDeviceNames,
  useExchangeHistory,
  useLastExportAt,
  useLastImportSnapshot,
  useMaterialFilesSummary,
  usePeers,
  useSetAsideRecords,
  useUndoDroppedByErasure,
} from '../../../src/data/exchange';
import { pickFields } from '../../../src/domain/conflictResolution';
import { getDb, type NastavnikDb } from '../../../src/storage/db';
import { DEVICE_NAME_KEY } from '../../../src/storage/bundle/exportBundle';
import { LAST_EXPORT_KEY } from '../../../src/storage/bundle/exchanges';
import { peopleRepo } from '../../../src/storage/repositories';
import { dropSetAsideHere, resolveConflictHere, undoLastImportHere } from '../../../src/storage/onThisDevice';
import { carry, closeAll, importInto, newDb, personFields, repos, seedSchool } from '../storage/bundleHelpers';

/** `other`'s file read on this device (plain JSON: jsdom's Blob cannot gzip). */
const exchange = async (other: NastavnikDb) => importInto(getDb(), await carry(other, {}, { compress: false }));

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await closeAll();
});

/** Another device, «Ноутбук куратора», with a school, whose file this device (getDb()) has read. */
async function afterImportFromCurator() {
  const other = await newDb();
  await other.meta.put({ key: DEVICE_NAME_KEY, value: 'Ноутбук куратора' });
  const seeded = await seedSchool(other);
  await exchange(other);
  return { other, ...seeded };
}

describe('the exchange hooks', () => {
  it('on a new device: no conflicts, no history, nothing to undo, no peers, nothing set aside, no files', async () => {
    const conflicts = renderHook(() => useConflicts());
    const count = renderHook(() => useConflictCount());
    const history = renderHook(() => useExchangeHistory());
    const names = renderHook(() => useDeviceNames());
    const lastExport = renderHook(() => useLastExportAt());
    const snapshot = renderHook(() => useLastImportSnapshot());
    const dropped = renderHook(() => useUndoDroppedByErasure());
    const peers = renderHook(() => usePeers());
    const aside = renderHook(() => useSetAsideRecords());
    const files = renderHook(() => useMaterialFilesSummary());
    expect(conflicts.result.current).toBeUndefined();
    expect(snapshot.result.current).toBeUndefined();
    await waitFor(() => expect(conflicts.result.current).toEqual([]));
    await waitFor(() => expect(count.result.current).toBe(0));
    await waitFor(() => expect(history.result.current).toEqual([]));
    await waitFor(() => expect(names.result.current).toEqual(new Map()));
    await waitFor(() => expect(lastExport.result.current).toBeNull());
    await waitFor(() => expect(snapshot.result.current).toBeNull());
    await waitFor(() => expect(dropped.result.current).toBeNull());
    await waitFor(() => expect(peers.result.current).toEqual([]));
    await waitFor(() => expect(aside.result.current).toEqual([]));
    await waitFor(() => expect(files.result.current).toEqual({ count: 0, bytes: 0, missing: 0 }));
  });

  it('an import shows in the history with the other device’s name and as the import to undo; undone, it is not', async () => {
    const history = renderHook(() => useExchangeHistory());
    const names = renderHook(() => useDeviceNames());
    const snapshot = renderHook(() => useLastImportSnapshot());
    const peers = renderHook(() => usePeers());
    await waitFor(() => expect(snapshot.result.current).toBeNull());
    const { other } = await afterImportFromCurator();
    const otherId = (await other.meta.get('deviceId'))!.value as string;
    await waitFor(() => expect(history.result.current?.map((e) => e.direction)).toEqual(['import']));
    await waitFor(() => expect(names.result.current?.get(otherId)).toBe('Ноутбук куратора'));
    await waitFor(() => expect(snapshot.result.current).not.toBeNull());
    await waitFor(() => expect(peers.result.current?.map((p) => p.id)).toEqual([otherId]));
    expect((await undoLastImportHere()).ok).toBe(true);
    await waitFor(() => expect(snapshot.result.current).toBeNull());
    await waitFor(() => expect(history.result.current?.[0]?.undoneAt).toEqual(expect.any(String)));
  });

  it('the last export follows the meta row the export writes', async () => {
    const { result } = renderHook(() => useLastExportAt());
    await waitFor(() => expect(result.current).toBeNull());
    await getDb().meta.put({ key: LAST_EXPORT_KEY, value: '2025-10-10T10:00:00.000Z' });
    await waitFor(() => expect(result.current).toBe('2025-10-10T10:00:00.000Z'));
  });

  it('a field edited on both devices is a conflict to settle; once settled it leaves the list and the count', async () => {
    const { other, s1 } = await afterImportFromCurator();
    await repos(other).people.save(personFields({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' }), s1.id);
    await peopleRepo.save(personFields({ lastName: 'Петров-Сидоров', phone: '+7 900 111-11-11' }), s1.id);
    const conflicts = renderHook(() => useConflicts());
    const count = renderHook(() => useConflictCount());
    await waitFor(() => expect(count.result.current).toBe(0));
    await exchange(other);
    await waitFor(() => expect(conflicts.result.current?.map((g) => [g.table, g.recordId, g.fields.map((f) => f.field)])).toEqual([['people', s1.id, ['lastName']]]));
    await waitFor(() => expect(count.result.current).toBe(1));
    const g = conflicts.result.current![0]!;
    const pick = g.fields[0]!.options.find((o) => o.value === 'Петров-Водкин')!;
    await resolveConflictHere('people', s1.id, pickFields(g.state, { lastName: pick.write }).fields);
    await waitFor(() => expect(conflicts.result.current).toEqual([]));
    await waitFor(() => expect(count.result.current).toBe(0));
    expect((await peopleRepo.get(s1.id))?.lastName).toBe('Петров-Водкин');
  });

  it('records set aside at an upgrade are listed in id order, and one dropped leaves the list', async () => {
    const { result } = renderHook(() => useSetAsideRecords());
    await waitFor(() => expect(result.current).toEqual([]));
    const row = (id: string) => ({ id, table: 'people' as const, recordId: id, record: { lastName: '' }, problems: [{ field: 'lastName', message: 'Укажите фамилию' }], at: '2025-10-10T10:00:00.000Z' });
    await getDb().setAside.bulkPut([row('people|b'), row('people|a')]);
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual(['people|a', 'people|b']));
    await dropSetAsideHere('people|a');
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual(['people|b']));
  });
});
