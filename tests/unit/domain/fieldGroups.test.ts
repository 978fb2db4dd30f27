import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_GROUPS } from '../../../src/domain/recordRules';
import { fieldsProblems, TABLE_SCHEMAS } from '../../../src/domain/recordRules.schema';
import { SYNCED_TABLES, type SyncedTable } from '../../../src/domain/syncedTables';

/**
 * The field-level merge takes each field — each group of fields — from the write that won it, so a merged record is
 * a mix of valid records. These samples are valid records chosen to sit on both sides of every rule that looks at
 * more than one field. Any mix of their groups must be valid again; a new rule across fields that is not declared
 * as a group in FIELD_GROUPS makes some mix fail here.
 */
const SAMPLES: Partial<Record<SyncedTable, Record<string, unknown>[]>> = {
  people: [
    { lastName: 'Петров', firstName: 'Иван', category: 'student', classLabel: '7Б', birthDate: '2012-03-01', partnerId: '', roles: ['mentee'] },
    { lastName: 'Иванова', firstName: 'Мария', category: 'teacher', classLabel: '', birthDate: '', partnerId: '', roles: ['mentor'], mentorCapacity: 2 },
    { lastName: 'Сидоров', firstName: 'Олег', category: 'partnerRep', classLabel: '', birthDate: '1980-01-01', partnerId: 'pt1', roles: ['mentor'], phone: '+7 900 000-00-00' },
  ],
  mentorships: [
    { formId: 'f1', mentorIds: ['t1'], menteeIds: ['s1'], startDate: '2025-10-01', plannedEndDate: '2026-05-31', status: 'interrupted', endDate: '2026-01-10', endReason: 'переезд' },
    { formId: 'f2', mentorIds: ['s1'], menteeIds: ['s2', 's3'], startDate: '2026-02-01', plannedEndDate: '2026-02-02', status: 'forming', endDate: '', endReason: '', title: 'Группа' },
    { formId: 'f1', mentorIds: ['t2', 't3'], menteeIds: ['t1'], startDate: '', plannedEndDate: '', status: 'finished', endDate: '2026-05-20', endReason: '' },
  ],
  consents: [
    { personId: 's1', signedOn: '2025-09-10', signer: 'representative', representativeName: 'Петрова Анна', representativeRelation: 'мать', withdrawnOn: '2025-12-01' },
    { personId: 's2', signedOn: '2026-01-15', signer: 'self', representativeName: '', representativeRelation: '', withdrawnOn: '' },
  ],
  preferences: [
    { eventId: 'e1', personId: 'p1', side: 'mentee', ranked: ['p2', 'p3'] },
    { eventId: 'e2', personId: 'p2', side: 'mentor', ranked: ['p1'] },
  ],
  trainingSessions: [
    { groupId: 'g1', kind: 'consultation', date: '2025-10-01', topic: 'Тема', expert: 'Эксперт', format: 'inPerson', attendeeIds: ['t1'] },
    { groupId: 'g2', kind: 'session', date: '2025-11-01', topic: 'Другая', expert: 'Другой', format: 'remote', attendeeIds: ['t1', 't2', 't3'] },
  ],
  recognitions: [
    { personId: 't1', kind: 'title', title: 'Наставник года', reason: 'За работу', date: '2026-05-20', orderId: '' },
    { personId: 't2', kind: 'certificate', title: '', reason: 'За олимпиаду', date: '2026-05-21', orderId: 'o1' },
  ],
};

/** Fields of a table in merge units: each group as one, every other field on its own. */
function units(table: SyncedTable, samples: readonly Record<string, unknown>[]): string[][] {
  const grouped = new Set(FIELD_GROUPS[table].flat());
  const single = [...new Set(samples.flatMap((s) => Object.keys(s)))].filter((f) => !grouped.has(f)).map((f) => [f]);
  return [...FIELD_GROUPS[table].map((g) => [...g]), ...single];
}

describe('field groups keep every merged record valid', () => {
  for (const [table, samples] of Object.entries(SAMPLES) as [SyncedTable, Record<string, unknown>[]][]) {
    it(`${table}: the samples are valid, and any mix of their groups is valid too`, () => {
      for (const s of samples) expect(fieldsProblems(table, s), JSON.stringify(s)).toEqual([]);
      const u = units(table, samples);
      fc.assert(
        fc.property(fc.array(fc.nat(samples.length - 1), { minLength: u.length, maxLength: u.length }), (from) => {
          const mix: Record<string, unknown> = {};
          u.forEach((fields, i) => {
            for (const f of fields) if (Object.hasOwn(samples[from[i]!]!, f)) mix[f] = samples[from[i]!]![f];
          });
          // a field a sample lacks takes its default, as the schema does for a form
          expect(fieldsProblems(table, mix), JSON.stringify(mix)).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('ungrouped, a mix breaks the rules: the groups are what keeps the merge safe', () => {
    const [x, y] = SAMPLES.mentorships!;
    expect(fieldsProblems('mentorships', { ...x, endReason: y!.endReason }).map((p) => p.field)).toContain('endReason');
    expect(fieldsProblems('mentorships', { ...x, mentorIds: y!.mentorIds }).map((p) => p.field)).toContain('menteeIds');
  });

  it('every group names fields of its table, and every table has its rules and groups declared', () => {
    for (const t of SYNCED_TABLES) {
      expect(TABLE_SCHEMAS[t]).toBeDefined();
      const shape = (TABLE_SCHEMAS[t] as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const g of FIELD_GROUPS[t]) for (const f of g) expect(Object.keys(shape), `${t}.${f}`).toContain(f);
    }
  });
});
