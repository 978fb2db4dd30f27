import { describe, expect, it } from 'vitest';
import { selectKeptVersions, selectScope } from '../../../../src/domain/bundle/scope';
import { SYNCED_TABLES } from '../../../../src/domain/syncedTables';
import { sampleTables } from './sampleData';

const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();

describe('a bundle for the mentor of some pairs', () => {
  const all = sampleTables();
  const s = selectScope(all, ['m1']);

  it('holds those pairs, their people, plans, items, meetings, consents and responses', () => {
    expect(ids(s.mentorships)).toEqual(['m1']);
    expect(ids(s.people)).toEqual(['s1', 't1']);
    expect(ids(s.plans)).toEqual(['p1']);
    expect(ids(s.planItems)).toEqual(['i1']);
    expect(ids(s.meetings)).toEqual(['mt1']);
    expect(ids(s.consents)).toEqual(['c1']);
    expect(ids(s.responses)).toEqual(['r1']);
  });

  it('plus the school, the forms and the questionnaires; nothing else', () => {
    expect(ids(s.school)).toHaveLength(1);
    expect(ids(s.mentoringForms)).toEqual(['form-1']);
    expect(ids(s.questionnaires)).toEqual(['q1']);
    for (const t of SYNCED_TABLES.filter((t) => !['school', 'people', 'mentoringForms', 'mentorships', 'meetings', 'plans', 'planItems', 'consents', 'questionnaires', 'responses'].includes(t)))
      expect(s[t], t).toEqual([]);
  });

  it('people in scope keep their contacts; nobody outside travels, not even a guest at a meeting', () => {
    expect(s.people.find((p) => p.id === 's1')).toEqual(all.people!.find((p) => p.id === 's1'));
    const text = JSON.stringify(s);
    for (const secret of ['Посторонний', '2011-11-11', 'petr@example.ru', 'Смирнова Ольга']) expect(text).not.toContain(secret);
    expect(s.meetings[0]!.attendeeIds).toContain('x9');
  });

  it('several pairs at once, and an unknown id selects nothing', () => {
    expect(ids(selectScope(all, ['m1', 'm2']).people)).toEqual(['s1', 's2', 't1', 't2']);
    expect(selectScope(all, ['nope']).people).toEqual([]);
  });

  it('kept conflict versions go only with records that go', () => {
    const kept = ['s1', 's2'].map((id) => ({ table: 'people' as const, recordId: id, field: 'firstName', write: all.people!.find((p) => p.id === id)!.writes![0]!, value: 'Иоанн' }));
    expect(selectKeptVersions(s, kept).map((k) => k.recordId)).toEqual(['s1']);
  });
});
