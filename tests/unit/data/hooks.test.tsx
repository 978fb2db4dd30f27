// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useDeviceId, useErasedPersonIds, useMe, useMentorships, usePartners, usePeople, useSchool } from '../../../src/data/hooks';
import { useDeviceRole } from '../../../src/data/useDeviceRole';
import { getDb } from '../../../src/storage/db';
import { peopleRepo, saveSchool } from '../../../src/storage/repositories';
import { ME_KEY } from '../../../src/storage/myself';
import { ROLE_KEY } from '../../../src/storage/deviceRole';
import { erasePerson } from '../../../src/storage/erasure';

const person = (lastName: string) => ({ lastName, firstName: 'Иван', middleName: '', category: 'teacher' as const, classLabel: '', birthDate: '', phone: '', email: '', roles: ['mentor' as const], interests: [], competencies: [], partnerId: '', notes: '' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the data-access hooks', () => {
  it('useSchool is undefined while read, null on a new device, then the school, and follows a change', async () => {
    const { result } = renderHook(() => useSchool());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBeNull());
    await saveSchool({ name: 'МКОУ СОШ № 2', academicYear: '2025/2026', studentsTotal: 120, teachersTotal: 14, consentAge: 14, directorName: '', curatorName: '' });
    await waitFor(() => expect(result.current?.name).toBe('МКОУ СОШ № 2'));
  });

  it('usePeople lists the live participants and drops a deleted one', async () => {
    const a = await peopleRepo.save(person('Петров'));
    await peopleRepo.save(person('Орлов'));
    const { result } = renderHook(() => usePeople());
    await waitFor(() => expect(result.current?.map((p) => p.lastName).sort()).toEqual(['Орлов', 'Петров']));
    await peopleRepo.remove(a.id);
    await waitFor(() => expect(result.current?.map((p) => p.lastName)).toEqual(['Орлов']));
  });

  it('usePartners and useMentorships start empty on a new device', async () => {
    const partners = renderHook(() => usePartners());
    const pairs = renderHook(() => useMentorships());
    await waitFor(() => expect(partners.result.current).toEqual([]));
    await waitFor(() => expect(pairs.result.current).toEqual([]));
  });

  it('useDeviceId, useMe and useDeviceRole read this device’s own facts', async () => {
    const db = getDb();
    const id = renderHook(() => useDeviceId());
    await waitFor(() => expect(id.result.current).toBe(''));
    await db.meta.put({ key: 'deviceId', value: 'dev-1' });
    await waitFor(() => expect(id.result.current).toBe('dev-1'));
    const me = renderHook(() => useMe());
    await waitFor(() => expect(me.result.current).toBeNull());
    await db.meta.put({ key: ME_KEY, value: 'p-1' });
    await waitFor(() => expect(me.result.current).toBe('p-1'));
    const role = renderHook(() => useDeviceRole());
    await waitFor(() => expect(role.result.current).toEqual({ kind: 'curator' }));
    await db.meta.put({ key: ROLE_KEY, value: { kind: 'mentor', mentorshipIds: ['m1'] } });
    await waitFor(() => expect(role.result.current).toEqual({ kind: 'mentor', mentorshipIds: ['m1'] }));
  });

  it('useErasedPersonIds holds whoever was erased', async () => {
    await saveSchool({ name: 'МКОУ СОШ № 2', academicYear: '2025/2026', studentsTotal: 120, teachersTotal: 14, consentAge: 14, directorName: '', curatorName: '' });
    const p = await peopleRepo.save(person('Петров'));
    const { result } = renderHook(() => useErasedPersonIds());
    await waitFor(() => expect(result.current?.size).toBe(0));
    await erasePerson(getDb(), p.id, { reason: 'subjectRequest', by: { name: 'Куратор К. К.', position: 'куратор' } });
    await waitFor(() => expect([...(result.current ?? [])]).toEqual([p.id]));
  });
});
