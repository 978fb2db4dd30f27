import { describe, expect, it } from 'vitest';
import { trainingSummary } from '../../../src/domain/training';
import { trainingSessionInputSchema } from '../../../src/domain/training.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';

const session = (groupId: string, date: string, expert: string, attendeeIds: string[] = [], kind: 'session' | 'consultation' = 'session') => ({
  groupId,
  date,
  expert,
  attendeeIds,
  kind,
});

describe('mentor training', () => {
  it('counts held sessions per group, consultations apart, experts once however written, and the bars', () => {
    const groups = [
      { id: 'g1', memberIds: ['a', 'b'] },
      { id: 'g2', memberIds: ['c'] },
    ];
    const sessions = [
      ...Array.from({ length: 10 }, (_, i) => session('g1', `2025-10-${String(i + 1).padStart(2, '0')}`, i % 2 ? 'Иванова М. П.' : 'иванова м.п.', i < 5 ? ['a', 'b'] : ['a'])),
      session('g1', '2025-10-20', 'Петров С. С.', ['b'], 'consultation'),
      session('g2', '2025-10-05', 'Иванова М. П.', ['c']),
      session('g2', '2026-01-10', 'Сидоров А. А.', ['c']), // later than today: not held yet
    ];
    const s = trainingSummary(groups, sessions, '2025-12-01');
    expect(s.groups[0]).toMatchObject({ groupId: 'g1', sessions: 10, consultations: 1, sessionsMet: true, attendance: 0.75 });
    expect(s.groups[0]!.experts).toHaveLength(2);
    expect(s.groups[1]).toMatchObject({ sessions: 1, sessionsMet: false, attendance: 1 });
    expect(s.experts).toHaveLength(2);
    expect(s.expertsMet).toBe(true);
    expect(trainingSummary(groups, sessions.slice(0, 3), '2025-12-01').expertsMet).toBe(false);
  });
  it('a consultation is for one mentor; a session needs a date, topic and expert', () => {
    const r = trainingSessionInputSchema.safeParse({ groupId: 'g', kind: 'consultation', date: '', topic: '', expert: '', attendeeIds: ['a', 'b'] });
    expect(fieldErrors(r.error!)).toMatchObject({
      date: 'Дата: укажите дату',
      topic: 'Укажите тему',
      expert: 'Укажите эксперта, который ведёт занятие',
      attendeeIds: 'Консультация — для одного наставника: отметьте одного',
    });
  });
});
