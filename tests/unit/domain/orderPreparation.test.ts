import { describe, expect, it } from 'vitest';
import { mentorshipInputSchema } from '../../../src/domain/mentorship.schema';
import { approvedDigest, approvalState } from '../../../src/domain/plan';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan.schema';
import {
  approvedPlan,
  formNamesOf,
  mentorshipLine,
  orderCandidates,
  orderFileName,
  orderFormSchema,
  plansToApprove,
  preambleText,
  signatureName,
  unapprovedPlan,
} from '../../../src/domain/orderPreparation';
import { fieldErrors } from '../../../src/domain/zodErrors';

const m = (id: string, status: string, mentors = ['t1'], mentees = ['s1']) => ({
  id,
  ...mentorshipInputSchema.parse({ formId: 'f', mentorIds: mentors, menteeIds: mentees, status, ...(status === 'finished' ? { endDate: '2026-05-01' } : {}) }),
});
const plan = (id: string, mentorshipId: string, extra: object = {}) => ({ id, ...planInputSchema.parse({ mentorshipId, title: `План ${id}`, ...extra }) });
const item = (planId: string, title: string, status = 'planned') => ({ id: `${planId}-${title}`, ...planItemInputSchema.parse({ planId, title, status }) });

const mentorships = [m('m1', 'active'), m('m2', 'forming'), m('m3', 'finished'), m('m4', 'active'), { ...m('m5', 'active'), deleted: true }];
const plans = [plan('p1', 'm1'), plan('p2', 'm2'), plan('p3', 'm3'), plan('p4', 'm4'), plan('p1b', 'm1')];
const items = [
  item('p1', 'Знакомство'),
  item('p1', 'Проект', 'done'),
  item('p2', 'Отменено', 'cancelled'),
  item('p3', 'Итог'),
  item('p1b', 'Олимпиада'),
  { ...item('p4', 'Удалён'), deleted: true },
];

describe('which pairs/groups an order may cover', () => {
  it('takes forming and active ones; an approval only those with a plan that has items, with the count', () => {
    const fix = orderCandidates('fixMentorships', mentorships, plans, items);
    expect(fix.map((c) => c.mentorship.id)).toEqual(['m1', 'm2', 'm4']);
    const approve = orderCandidates('approvePlans', mentorships, plans, items);
    expect(approve.map((c) => [c.mentorship.id, c.itemCount, c.plans.map((p) => p.id)])).toEqual([['m1', 3, ['p1', 'p1b']]]);
    expect(approve[0]!.plans[0]).toMatchObject({ itemCount: 2, approval: 'draft' });
  });
  it('approves every plan with items of each ticked pair', () => {
    const c = orderCandidates('approvePlans', mentorships, plans, items);
    expect(plansToApprove(['m1', 'm2'], c)).toEqual(['p1', 'p1b']);
    expect(plansToApprove([], c)).toEqual([]);
  });
  it('marks a plan approved with the digest of its items, so later edits show', () => {
    const own = items.filter((i) => i.planId === 'p1');
    const approved = approvedPlan(plans[0]!, own, 'order-1');
    expect(approved.approvedByOrderId).toBe('order-1');
    expect(approved.approvedItemsDigest).toBe(approvedDigest(own));
    expect(approvalState(approved, own)).toBe('approved');
    expect(approvalState(approved, [...own, item('p1', 'Новое')])).toBe('changedAfterApproval');
    expect(approvalState(unapprovedPlan(approved), own)).toBe('draft');
  });
});

describe('the order form’s rules', () => {
  const existing = [{ id: 'o1', number: '112-од', date: '2025-11-25' }];
  const base = { kind: 'approvePlans', number: '113-од', date: '2025-11-26', title: 'Об утверждении', mentorshipIds: ['m1'] };
  const errors = (input: object, ownId?: string) => {
    const r = orderFormSchema(existing, ownId).safeParse(input);
    return r.success ? {} : fieldErrors(r.error);
  };
  it('accepts a complete order', () => expect(errors(base)).toEqual({}));
  it('asks for at least one pair for the kinds that list them, and one recognition for a reward', () => {
    expect(errors({ ...base, mentorshipIds: [] })).toEqual({ mentorshipIds: 'Отметьте хотя бы одну пару или группу с планом' });
    expect(errors({ ...base, kind: 'fixMentorships', mentorshipIds: [] })).toEqual({ mentorshipIds: 'Отметьте хотя бы одну пару или группу' });
    expect(errors({ ...base, kind: 'rewardMentors', mentorshipIds: [] })).toEqual({ recognitionIds: 'Отметьте хотя бы одно поощрение' });
    expect(errors({ ...base, kind: 'rewardMentors', mentorshipIds: [], recognitionIds: ['r1'] })).toEqual({});
  });
  it('refuses a second order with the same number in the same year, whatever the case', () => {
    expect(errors({ ...base, number: '112-ОД' })).toEqual({ number: 'Приказ № 112-од уже есть: от 25.11.2025' });
    expect(errors({ ...base, number: '112-од', date: '2026-01-12' })).toEqual({});
    expect(errors({ ...base, number: '112-од' }, 'o1')).toEqual({});
  });
  it('wants a protocol whole or not at all', () => {
    expect(errors({ ...base, protocolNumber: '3' })).toEqual({ protocolDate: 'Укажите дату протокола' });
    expect(errors({ ...base, protocolDate: '2025-11-20' })).toEqual({ protocolNumber: 'Укажите номер протокола' });
  });
  it('needs number, date and title', () => {
    expect(errors({ ...base, number: ' ', date: '', title: '' })).toEqual({
      number: 'Укажите номер приказа',
      date: 'Дата приказа: укажите дату',
      title: 'Укажите заголовок приказа',
    });
  });
});

describe('small pieces of the printed order', () => {
  it('names the file like Приказ_112-од_2025-11-25.docx', () => {
    expect(orderFileName({ number: '112-од', date: '2025-11-25' })).toBe('Приказ_112-од_2025-11-25.docx');
    expect(orderFileName({ number: ' 12/1 ', date: '2025-11-25' })).toBe('Приказ_12-1_2025-11-25.docx');
  });
  it('prints the director as «И. О. Фамилия»', () => {
    expect(signatureName('Гетокова Рита Юрьевна')).toBe('Р. Ю. Гетокова');
    expect(signatureName('Гетокова  Рита')).toBe('Р. Гетокова');
    expect(signatureName('Р. Ю. Гетокова')).toBe('Р. Ю. Гетокова');
    expect(signatureName('')).toBe('');
  });
  it('ends the preamble with a comma before «ПРИКАЗЫВАЮ:»', () => {
    expect(preambleText('В соответствии с дорожной картой')).toBe('В соответствии с дорожной картой,');
    expect(preambleText('В соответствии с планом:')).toBe('В соответствии с планом:');
  });
  it('writes a pair in one line and takes the school’s own form names over the defaults', () => {
    const people = new Map([
      ['t1', { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна', classLabel: '', category: 'teacher' as const }],
      ['s1', { lastName: 'Ли', firstName: 'Анна', middleName: '', classLabel: '7Б', category: 'student' as const }],
    ]);
    expect(mentorshipLine({ mentorIds: ['t1'], menteeIds: ['s1', 'gone'] }, people)).toBe('Иванова М. П. → Ли А., 7Б; (участник удалён)');
    const names = formNamesOf([{ id: 'a', name: 'Учитель – ученик' }, { id: 'b', name: 'Ученик – ученик' }], [
      { id: 'a', name: 'Педагог – обучающийся' },
      { id: 'c', name: 'Ментор – учитель' },
      { id: 'd', name: 'Удалённая', deleted: true },
    ]);
    expect([...names]).toEqual([
      ['a', 'Педагог – обучающийся'],
      ['b', 'Ученик – ученик'],
      ['c', 'Ментор – учитель'],
    ]);
  });
});
