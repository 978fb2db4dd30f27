// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useErasureLog, useErasureLogEntry, usePersonDataReport, usePersonErasure } from '../../../src/data/erasure';
import { personInputSchema } from '../../../src/domain/person.schema';
import { getDb } from '../../../src/storage/db';
import { peopleRepo, saveSchool } from '../../../src/storage/repositories';
import { erasePersonHere, erasureLogEntryOf } from '../../../src/storage/onThisDevice';

const person = (lastName: string) => personInputSchema.parse({ lastName, firstName: 'Иван', category: 'teacher', roles: ['mentor'], phone: '+7 900 111-11-11' });
const by = { reason: 'subjectRequest' as const, by: { name: 'Куратор К. К.', position: 'куратор' } };
const school = () => saveSchool({ name: 'МКОУ СОШ № 2', academicYear: '2025/2026', studentsTotal: 120, teachersTotal: 14, consentAge: 14, directorName: '', curatorName: '' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the erasure hooks', () => {
  it('useErasureLog and useErasureLogEntry: empty, then the line an erasure writes; an unknown id is null', async () => {
    await school();
    const p = await peopleRepo.save(person('Петров'));
    const log = renderHook(() => useErasureLog());
    const missing = renderHook(() => useErasureLogEntry('no-such-line'));
    expect(log.result.current).toBeUndefined();
    await waitFor(() => expect(log.result.current).toEqual([]));
    await waitFor(() => expect(missing.result.current).toBeNull());
    const r = await erasePersonHere(p.id, by);
    const id = r.log!.id;
    await waitFor(() => expect(log.result.current?.map((l) => l.personId)).toEqual([p.id]));
    const entry = renderHook(() => useErasureLogEntry(id));
    await waitFor(() => expect(entry.result.current?.subjectName).toMatch(/^Петров Иван/));
    expect(missing.result.current).toBeNull();
    expect((await erasureLogEntryOf(p.id))?.id).toBe(id);
    expect(await erasureLogEntryOf('someone-else')).toBeUndefined();
  });

  it('usePersonErasure: null while the data is there, the erasure with its log line once destroyed', async () => {
    await school();
    const p = await peopleRepo.save(person('Петров'));
    const { result } = renderHook(() => usePersonErasure(p.id));
    await waitFor(() => expect(result.current).toBeNull());
    const r = await erasePersonHere(p.id, by);
    await waitFor(() => expect(result.current?.erasure.personId).toBe(p.id));
    expect(result.current?.entry?.id).toBe(r.log!.id);
  });

  it('usePersonDataReport: the person’s report, following an edit; no report for an unknown or deleted person', async () => {
    await school();
    const p = await peopleRepo.save(person('Петров'));
    const { result } = renderHook(() => usePersonDataReport(p.id, '2025-12-02'));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.doc?.subject).toMatch(/^Петров Иван/));
    expect(result.current?.person?.id).toBe(p.id);
    expect(JSON.stringify(result.current?.doc)).toContain('+7 900 111-11-11');
    await peopleRepo.save({ ...person('Петров'), phone: '+7 900 222-22-22' }, p.id);
    await waitFor(() => expect(JSON.stringify(result.current?.doc)).toContain('+7 900 222-22-22'));
    await peopleRepo.remove(p.id);
    await waitFor(() => expect(result.current?.doc).toBeNull());
    const unknown = renderHook(() => usePersonDataReport('no-such-id', '2025-12-02'));
    await waitFor(() => expect(unknown.result.current).toEqual({ doc: null, person: undefined }));
  });
});
