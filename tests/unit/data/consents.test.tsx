// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useConsent, useConsents } from '../../../src/data/consents';
import { usePerson } from '../../../src/data/people';
import { getDb } from '../../../src/storage/db';
import { consentsRepo, peopleRepo } from '../../../src/storage/repositories';
import { consentInputSchema } from '../../../src/domain/consent.schema';

const person = (lastName: string) => ({ lastName, firstName: 'Иван', middleName: '', category: 'teacher' as const, classLabel: '', birthDate: '', phone: '', email: '', roles: ['mentor' as const], interests: [], competencies: [], partnerId: '', notes: '' });
const consent = (personId: string, signedOn = '2025-09-01') => consentInputSchema.parse({ personId, signedOn, signer: 'self' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the consents’ hooks', () => {
  it('useConsents lists the live consents and drops a deleted one', async () => {
    const { result } = renderHook(() => useConsents());
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toEqual([]));
    const p = await peopleRepo.save(person('Петров'));
    const c = await consentsRepo.save(consent(p.id));
    await waitFor(() => expect(result.current?.map((x) => x.personId)).toEqual([p.id]));
    await consentsRepo.remove(c.id);
    await waitFor(() => expect(result.current).toEqual([]));
  });

  it('useConsent is null without an id or for an unknown one, and follows its consent', async () => {
    const none = renderHook(() => useConsent(null));
    const unknown = renderHook(() => useConsent('nope'));
    await waitFor(() => expect(none.result.current).toBeNull());
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const p = await peopleRepo.save(person('Петров'));
    const c = await consentsRepo.save(consent(p.id));
    const { result } = renderHook(() => useConsent(c.id));
    await waitFor(() => expect(result.current?.signedOn).toBe('2025-09-01'));
    await consentsRepo.save(consent(p.id, '2025-09-05'), c.id);
    await waitFor(() => expect(result.current?.signedOn).toBe('2025-09-05'));
  });

  it('usePerson is null for an unknown id, the person for hers, and null once she is deleted', async () => {
    const unknown = renderHook(() => usePerson('nope'));
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const p = await peopleRepo.save(person('Петров'));
    const { result } = renderHook(() => usePerson(p.id));
    await waitFor(() => expect(result.current?.lastName).toBe('Петров'));
    await peopleRepo.remove(p.id);
    await waitFor(() => expect(result.current).toBeNull());
  });
});
