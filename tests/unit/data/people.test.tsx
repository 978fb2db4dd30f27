// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useConsents } from '../../../src/data/consents';
import { usePartner } from '../../../src/data/partners';
import { usePerson, usePersonConsents, usePersonMentorshipsAndRecognitions, usePersonNames } from '../../../src/data/people';
import { consentInputSchema } from '../../../src/domain/consent.schema';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { partnerInputSchema } from '../../../src/domain/partner.schema';
import { personInputSchema } from '../../../src/domain/person.schema';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';
import { getDb } from '../../../src/storage/db';
import { consentsRepo, mentorshipsRepo, partnersRepo, peopleRepo, recognitionsRepo } from '../../../src/storage/repositories';

const person = (lastName: string, firstName = 'Иван') => personInputSchema.parse({ lastName, firstName, category: 'teacher', roles: ['mentor'] });
const consent = (personId: string) => consentInputSchema.parse({ personId, signedOn: '2025-09-01', signer: 'self' });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the participants’ hooks', () => {
  it('usePerson: undefined while read, the person, follows an edit, null once deleted, null for an unknown id or none', async () => {
    const p = await peopleRepo.save(person('Петров'));
    const { result } = renderHook(() => usePerson(p.id));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.lastName).toBe('Петров'));
    await peopleRepo.save(person('Петров-Водкин'), p.id);
    await waitFor(() => expect(result.current?.lastName).toBe('Петров-Водкин'));
    await peopleRepo.remove(p.id);
    await waitFor(() => expect(result.current).toBeNull());
    const unknown = renderHook(() => usePerson('no-such-id'));
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const none = renderHook(() => usePerson(undefined));
    await waitFor(() => expect(none.result.current).toBeNull());
  });

  it('usePerson follows a change of id', async () => {
    const a = await peopleRepo.save(person('Петров'));
    const b = await peopleRepo.save(person('Орлов'));
    const { result, rerender } = renderHook(({ id }) => usePerson(id), { initialProps: { id: a.id } });
    await waitFor(() => expect(result.current?.lastName).toBe('Петров'));
    rerender({ id: b.id });
    await waitFor(() => expect(result.current?.lastName).toBe('Орлов'));
  });

  it('usePersonNames names every live participant by id', async () => {
    const a = await peopleRepo.save(person('Петров', 'Иван'));
    const b = await peopleRepo.save(person('Орлова', 'Анна'));
    const { result } = renderHook(() => usePersonNames());
    await waitFor(() => expect(result.current?.get(a.id)).toMatch(/^Петров Иван/));
    expect(result.current?.get(b.id)).toMatch(/^Орлова Анна/);
    await peopleRepo.remove(b.id);
    await waitFor(() => expect(result.current?.has(b.id)).toBe(false));
  });

  it('useConsents holds every live consent and usePersonConsents one person’s', async () => {
    const a = await peopleRepo.save(person('Петров'));
    const b = await peopleRepo.save(person('Орлов'));
    const all = renderHook(() => useConsents());
    const mine = renderHook(() => usePersonConsents(a.id));
    await waitFor(() => expect(all.result.current).toEqual([]));
    await waitFor(() => expect(mine.result.current).toEqual([]));
    const ca = await consentsRepo.save(consent(a.id));
    await consentsRepo.save(consent(b.id));
    await waitFor(() => expect(all.result.current).toHaveLength(2));
    await waitFor(() => expect(mine.result.current?.map((c) => c.id)).toEqual([ca.id]));
    await consentsRepo.remove(ca.id);
    await waitFor(() => expect(mine.result.current).toEqual([]));
    await waitFor(() => expect(all.result.current).toHaveLength(1));
  });

  it('usePartner: the organisation, null without an id, for an unknown one or once deleted', async () => {
    const org = await partnersRepo.save(partnerInputSchema.parse({ name: 'ООО «Завод»', kind: 'enterprise' }));
    const { result, rerender } = renderHook(({ id }: { id: string | undefined }) => usePartner(id), { initialProps: { id: undefined } as { id: string | undefined } });
    await waitFor(() => expect(result.current).toBeNull());
    rerender({ id: org.id });
    await waitFor(() => expect(result.current?.name).toBe('ООО «Завод»'));
    await partnersRepo.remove(org.id);
    await waitFor(() => expect(result.current).toBeNull());
    rerender({ id: 'no-such-id' });
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('usePersonMentorshipsAndRecognitions: the pairs with the role, their members, the recognitions newest first', async () => {
    const t = await peopleRepo.save(person('Иванова', 'Мария'));
    const s = await peopleRepo.save(person('Петров'));
    const other = await peopleRepo.save(person('Орлов'));
    const { result } = renderHook(() => usePersonMentorshipsAndRecognitions(t.id));
    await waitFor(() => expect(result.current).toEqual({ mine: [], recognitions: [], people: new Map() }));
    const pair = await mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'f1', mentorIds: [t.id], menteeIds: [s.id] }));
    await mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'f1', mentorIds: [other.id], menteeIds: [s.id] }));
    await waitFor(() => expect(result.current?.mine.map((m) => [m.mentorship.id, m.role])).toEqual([[pair.id, 'mentor']]));
    expect([...result.current!.people.keys()].sort()).toEqual([t.id, s.id].sort());
    const rec = (date: string) => recognitionInputSchema.parse({ personId: t.id, kind: 'thanks', reason: 'за работу', date });
    await recognitionsRepo.save(rec('2025-10-01'));
    await recognitionsRepo.save(rec('2026-03-01'));
    await waitFor(() => expect(result.current?.recognitions.map((r) => r.date)).toEqual(['2026-03-01', '2025-10-01']));
    await mentorshipsRepo.remove(pair.id);
    await waitFor(() => expect(result.current?.mine).toEqual([]));
  });
});
