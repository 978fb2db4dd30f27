import { describe, expect, it } from 'vitest';
import { canTransition, isGroup } from '../../../src/domain/mentorship';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { daysSinceLastMeeting, earlierFinal, outOfOrder, stageTimeline, suggestNextKind, type MeetingKind } from '../../../src/domain/meeting';
import { approvalState, approvedDigest, planProgress } from '../../../src/domain/plan';
import { isValidConsent, peopleWithoutConsent, signerProblem } from '../../../src/domain/consent';
import { consentInputSchema } from '../../../src/domain/consent.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';

const m = (kind: MeetingKind, date: string) => ({ kind, date });

describe('mentorship rules', () => {
  it('moves формируется → активна → завершена / прервана only forward', () => {
    expect(canTransition('forming', 'active')).toBe(true);
    expect(canTransition('active', 'finished')).toBe(true);
    expect(canTransition('active', 'interrupted')).toBe(true);
    expect(canTransition('finished', 'active')).toBe(false);
    expect(canTransition('forming', 'finished')).toBe(false);
  });
  it('asks for the reason when work is interrupted, and refuses a person on both sides', () => {
    const r = mentorshipInputSchema.safeParse({ formId: 'f', mentorIds: ['a'], menteeIds: ['a'], status: 'interrupted' });
    const e = fieldErrors(r.error!);
    expect(e.menteeIds).toBe('Один человек не может быть наставником и наставляемым в одной паре');
    expect(e.endReason).toBe('Укажите причину, по которой работа прервана');
    expect(e.endDate).toBe('Укажите дату окончания');
  });
  it('tells a group from a pair', () => {
    expect(isGroup({ mentorIds: ['a'], menteeIds: ['b'] })).toBe(false);
    expect(isGroup({ mentorIds: ['a'], menteeIds: ['b', 'c'] })).toBe(true);
  });
});

describe('meeting stages', () => {
  it('suggests the first stage not yet held, then joint work, until the final meeting', () => {
    expect(suggestNextKind([])).toBe('intro');
    expect(suggestNextKind([m('intro', '2025-10-01')])).toBe('trial');
    expect(suggestNextKind([m('intro', '2025-10-01'), m('trial', '2025-10-08')])).toBe('planning');
    expect(suggestNextKind([m('intro', '2025-10-01'), m('trial', '2025-10-08'), m('planning', '2025-10-15')])).toBe('work');
    expect(suggestNextKind([m('intro', 'a'), m('trial', 'b'), m('planning', 'c'), m('work', 'd'), m('work', 'e')])).toBe('work');
    // After the final meeting a pair may still meet: that is work, not a second final meeting.
    expect(suggestNextKind([m('intro', 'a'), m('final', 'b')])).toBe('work');
    expect(suggestNextKind([m('intro', 'a'), m('trial', 'b'), m('planning', 'c'), m('work', 'd'), m('final', 'e')])).toBe('work');
  });
  it('notices a second final meeting, and only that', () => {
    const held = [m('intro', '2025-10-01'), m('final', '2026-05-20')];
    expect(earlierFinal(held, 'final')).toBe('2026-05-20');
    expect(earlierFinal(held, 'work')).toBeNull();
    expect(earlierFinal([m('intro', '2025-10-01')], 'final')).toBeNull();
  });
  it('draws the timeline with the dates of each stage', () => {
    const t = stageTimeline([m('work', '2025-11-10'), m('intro', '2025-10-01'), m('work', '2025-11-03')]);
    expect(t.map((s) => [s.kind, s.done])).toEqual([
      ['intro', true],
      ['trial', false],
      ['planning', false],
      ['work', true],
      ['final', false],
    ]);
    expect(t[3]!.dates).toEqual(['2025-11-03', '2025-11-10']);
  });
  it('spots stages held before an earlier stage', () => {
    expect(outOfOrder([m('planning', '2025-10-01'), m('intro', '2025-10-05')])).toEqual(['planning']);
    expect(outOfOrder([m('intro', '2025-10-01'), m('planning', '2025-10-05')])).toEqual([]);
  });
  it('counts days since the last meeting for the monthly reminder', () => {
    expect(daysSinceLastMeeting([], '2025-11-01')).toBeNull();
    expect(daysSinceLastMeeting([m('intro', '2025-10-01'), m('trial', '2025-10-02')], '2025-11-01')).toBe(30);
  });
});

describe('individual plan progress and approval', () => {
  const item = (status: 'planned' | 'done' | 'cancelled' | 'inProgress', dueDate = '2025-12-01', title = 'x') => ({ status, dueDate, title });
  it('is done ÷ planned, cancelled items aside, and flags plans under 90 %', () => {
    const items = [...Array.from({ length: 9 }, () => item('done')), item('planned'), item('cancelled')];
    const p = planProgress(items, '2025-11-01');
    expect(p).toMatchObject({ planned: 10, done: 9, share: 0.9, problem: false, overdue: 0 });
    const q = planProgress([item('done'), item('planned', '2025-10-01')], '2025-11-01');
    expect(q).toMatchObject({ share: 0.5, problem: true, overdue: 1 });
    expect(planProgress([], '2025-11-01')).toMatchObject({ share: null, problem: true });
  });
  it('knows when every item’s date has come: the day of the last due date, not the day before; an undated item is never due', () => {
    const items = [item('done', '2026-05-20'), item('planned', '2026-05-31'), item('cancelled', '')];
    expect(planProgress(items, '2026-05-30').allDue).toBe(false);
    expect(planProgress(items, '2026-05-31').allDue).toBe(true);
    expect(planProgress([...items, item('planned', '')], '2026-06-30').allDue).toBe(false);
    expect(planProgress([], '2026-06-30').allDue).toBe(false);
  });
  it('sees changes to an approved plan, but not progress on it', () => {
    const items = [item('planned', '2025-12-01', 'Проект по робототехнике'), item('planned', '2026-02-01', 'Олимпиада')];
    const plan = { approvedByOrderId: 'o1', approvedItemsDigest: approvedDigest(items) };
    expect(approvalState(plan, items)).toBe('approved');
    expect(approvalState(plan, [{ ...items[0]!, status: 'done' as const }, items[1]!])).toBe('approved');
    expect(approvalState(plan, [items[0]!, { ...items[1]!, dueDate: '2026-03-01' }])).toBe('changedAfterApproval');
    expect(approvalState(plan, [...items, item('planned', '2026-04-01', 'Новое')])).toBe('changedAfterApproval');
    expect(approvalState({ approvedByOrderId: '', approvedItemsDigest: '' }, items)).toBe('draft');
  });
});

describe('consents and the under-14 rule at the signing date', () => {
  const child = { id: 'c', birthDate: '2011-10-15' };
  const adult = { id: 'a', birthDate: '1980-01-01' };
  it('insists on a legal representative for a child under 14 on the signing date', () => {
    expect(signerProblem({ signer: 'self', signedOn: '2025-10-14' }, child, 14)).toMatch(/законный представитель/);
    expect(signerProblem({ signer: 'self', signedOn: '2025-10-15' }, child, 14)).toBeNull();
    expect(signerProblem({ signer: 'representative', signedOn: '2025-10-14' }, child, 14)).toBeNull();
    expect(signerProblem({ signer: 'self', signedOn: '2025-10-14' }, { birthDate: '' }, 14)).toMatch(/дата рождения/);
  });
  it('counts a consent only while signed rightly and not withdrawn', () => {
    const c = { signer: 'representative' as const, signedOn: '2025-10-01', withdrawnOn: '' };
    expect(isValidConsent(c, child, 14, '2025-10-20')).toBe(true);
    expect(isValidConsent({ ...c, withdrawnOn: '2025-10-10' }, child, 14, '2025-10-20')).toBe(false);
    expect(isValidConsent(c, child, 14, '2025-09-20')).toBe(false);
  });
  it('lists who still lacks a valid consent', () => {
    const consents = [
      { personId: 'c', signer: 'self' as const, signedOn: '2025-10-01', withdrawnOn: '' },
      { personId: 'a', signer: 'self' as const, signedOn: '2025-10-01', withdrawnOn: '' },
    ];
    expect(peopleWithoutConsent([child, adult], consents, 14, '2025-10-20').map((p) => p.id)).toEqual(['c']);
    expect(peopleWithoutConsent([child, adult], [{ ...consents[1]!, deleted: true }], 14, '2025-10-20').map((p) => p.id)).toEqual(['c', 'a']);
  });
  it('needs the representative’s name when a representative signs', () => {
    const r = consentInputSchema.safeParse({ personId: 'c', signedOn: '2025-10-01', signer: 'representative' });
    expect(fieldErrors(r.error!).representativeName).toBe('Укажите ФИО законного представителя');
  });
});
