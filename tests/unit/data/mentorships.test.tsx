// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useMeetingData, useMentorship, useMentorshipDetails, useNewMeetingData } from '../../../src/data/mentorships';
import { getDb } from '../../../src/storage/db';
import { consentsRepo, meetingsRepo, mentorshipsRepo, peopleRepo, saveSchool } from '../../../src/storage/repositories';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { consentInputSchema } from '../../../src/domain/consent.schema';
import { createPlan } from '../../../src/storage/planWrites';
import { createOrder } from '../../../src/storage/orderWrites';
import { orderInputSchema } from '../../../src/domain/order.schema';

const person = (lastName: string) => ({ lastName, firstName: 'Иван', middleName: '', category: 'teacher' as const, classLabel: '', birthDate: '', phone: '', email: '', roles: ['mentor' as const], interests: [], competencies: [], partnerId: '', notes: '' });
const meeting = (mentorshipId: string, date: string) => meetingInputSchema.parse({ mentorshipId, kind: 'work', date });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function pair() {
  const a = await peopleRepo.save(person('Петров'));
  const b = await peopleRepo.save(person('Орлов'));
  const m = await mentorshipsRepo.save(mentorshipInputSchema.parse({ formId: 'teacher-teacher', mentorIds: [a.id], menteeIds: [b.id], status: 'active', startDate: '2025-09-01' }));
  return { a, b, m };
}

describe('the pairs’ hooks', () => {
  it('useMentorship is null without an id or for an unknown one, follows its pair, and is null once deleted', async () => {
    const none = renderHook(() => useMentorship(undefined));
    const unknown = renderHook(() => useMentorship('nope'));
    await waitFor(() => expect(none.result.current).toBeNull());
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const { m } = await pair();
    const { result } = renderHook(() => useMentorship(m.id));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.status).toBe('active'));
    await mentorshipsRepo.save(mentorshipInputSchema.parse({ ...m, goal: 'Открытый урок' }), m.id);
    await waitFor(() => expect(result.current?.goal).toBe('Открытый урок'));
    await mentorshipsRepo.remove(m.id);
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('useMentorshipDetails holds the pair’s people, meetings, plans, approving orders and who lacks a consent', async () => {
    const unknown = renderHook(() => useMentorshipDetails('nope'));
    await waitFor(() => expect(unknown.result.current).toBeNull());
    await saveSchool({ name: 'МКОУ СОШ № 2', academicYear: '2025/2026', studentsTotal: 120, teachersTotal: 14, consentAge: 14, directorName: '', curatorName: '' });
    const { a, b, m } = await pair();
    const other = await pair();
    await meetingsRepo.save(meeting(other.m.id, '2025-09-03'));
    await createPlan(m.id, 'План', [{ title: 'Знакомство' }]);
    const { result } = renderHook(() => useMentorshipDetails(m.id));
    await waitFor(() => expect(result.current?.plans.map((p) => p.title)).toEqual(['План']));
    expect([...result.current!.people.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(result.current!.meetings).toEqual([]);
    expect(result.current!.items.map((i) => i.title)).toEqual(['Знакомство']);
    expect([...result.current!.noConsent].sort()).toEqual([a.id, b.id].sort());
    await meetingsRepo.save(meeting(m.id, '2025-09-10'));
    await consentsRepo.save(consentInputSchema.parse({ personId: a.id, signedOn: '2025-09-01', signer: 'self' }));
    const order = await createOrder(orderInputSchema.parse({ kind: 'approvePlans', number: '5-од', date: '2025-09-15', title: 'Об утверждении планов', mentorshipIds: [m.id] }));
    await waitFor(() => expect(result.current?.meetings.map((x) => x.date)).toEqual(['2025-09-10']));
    await waitFor(() => expect([...result.current!.noConsent]).toEqual([b.id]));
    await waitFor(() => expect(result.current?.orders.get(order.id)?.number).toBe('5-од'));
  });

  it('useNewMeetingData and useMeetingData: the pair, its meetings and people; null when the pair or the meeting is not there', async () => {
    const none = renderHook(() => useNewMeetingData('nope'));
    const noMeeting = renderHook(() => useMeetingData('nope'));
    await waitFor(() => expect(none.result.current).toBeNull());
    await waitFor(() => expect(noMeeting.result.current).toBeNull());
    const { a, b, m } = await pair();
    const fresh = renderHook(() => useNewMeetingData(m.id));
    await waitFor(() => expect(fresh.result.current?.mentorship.id).toBe(m.id));
    expect(fresh.result.current!.meeting).toBeNull();
    expect(fresh.result.current!.meetings).toEqual([]);
    expect([...fresh.result.current!.people.keys()].sort()).toEqual([a.id, b.id].sort());
    const x = await meetingsRepo.save(meeting(m.id, '2025-09-10'));
    await waitFor(() => expect(fresh.result.current?.meetings.map((y) => y.id)).toEqual([x.id]));
    const logged = renderHook(() => useMeetingData(x.id));
    await waitFor(() => expect(logged.result.current?.meeting?.date).toBe('2025-09-10'));
    expect(logged.result.current!.mentorship.id).toBe(m.id);
    await meetingsRepo.remove(x.id);
    await waitFor(() => expect(logged.result.current).toBeNull());
    await mentorshipsRepo.remove(m.id);
    await waitFor(() => expect(fresh.result.current).toBeNull());
  });
});
