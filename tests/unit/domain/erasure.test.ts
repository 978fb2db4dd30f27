import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ageOn } from '../../../src/domain/dates';
import {
  eraseKeptValue,
  eraseRecord,
  erasureScopes,
  logExpired,
  PERSONAL_DATA,
  tombstoneFields,
  type ErasureFields,
} from '../../../src/domain/erasure';
import { computeIndicators, type MonitoringInput } from '../../../src/domain/monitoring';
import { mentorShares } from '../../../src/domain/indicators';
import type { Person } from '../../../src/domain/person';
import { fieldsProblems, TABLE_SCHEMAS } from '../../../src/domain/recordRules.schema';
import { SYNCED_TABLES, type SyncedTable } from '../../../src/domain/syncedTables';
import { sampleFields, SECRETS, SUBJECT } from './erasureSamples';

const ERASED_ON = '2026-12-02';
const erasure: ErasureFields = { personId: SUBJECT.id, erasedOn: ERASED_ON, reason: 'consentWithdrawn', withdrawnOn: '2026-11-01', categories: [], mentorshipIds: [] };
const fieldsOf = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id'));

function erasedTables() {
  const samples = sampleFields();
  const all = SYNCED_TABLES.flatMap((table) => samples[table].map((record) => ({ table, record })));
  const scopes = erasureScopes([erasure], all);
  const out = {} as Record<SyncedTable, Record<string, unknown>[]>;
  for (const t of SYNCED_TABLES)
    out[t] = samples[t].flatMap((r) => {
      const e = eraseRecord(scopes, t, r);
      return e.kind === 'remove' ? [] : [e.kind === 'anonymised' ? e.record : r];
    });
  return { samples, scopes, out };
}

describe('personal data declared per table', () => {
  it('every field of every synced table is either personal or kept, never both (a new field must be classified)', () => {
    for (const t of SYNCED_TABLES) {
      const shape = (TABLE_SCHEMAS[t] as unknown as { shape?: Record<string, z.ZodType> }).shape;
      expect(shape, `${t}: схема без полей`).toBeDefined();
      const personal = Object.keys(PERSONAL_DATA[t].personal);
      const kept = [...PERSONAL_DATA[t].kept];
      expect(personal.filter((f) => kept.includes(f)), `${t}: поле и личное, и сохраняемое`).toEqual([]);
      expect([...personal, ...kept].sort(), `${t}: каждое поле схемы должно быть в personal или kept`).toEqual(Object.keys(shape!).sort());
    }
  });

  it('the samples are valid records of their tables, and every table has one', () => {
    const samples = sampleFields();
    for (const t of SYNCED_TABLES) {
      if (t === 'erasures') continue;
      expect(samples[t].length, t).toBeGreaterThan(0);
      for (const r of samples[t]) expect(fieldsProblems(t, fieldsOf(r)), `${t} ${String(r.id)}`).toEqual([]);
    }
  });
});

describe('eraseRecord', () => {
  it('leaves none of the name, birth date, phone, e-mail or free text about the person in any table, and every record valid', () => {
    const { out } = erasedTables();
    const text = JSON.stringify(out);
    for (const s of SECRETS) expect(text, s).not.toContain(s);
    for (const t of SYNCED_TABLES) for (const r of out[t]) expect(fieldsProblems(t, fieldsOf(r)), `${t} ${String(r.id)}`).toEqual([]);
  });

  it('keeps the anonymous facts: the row, category, class, roles, the pair, its meetings and their dates, the plan items’ statuses, the scale marks', () => {
    const { out } = erasedTables();
    const p = out.people.find((x) => x.id === SUBJECT.id)!;
    expect(p).toMatchObject({ lastName: 'Обезличено', firstName: 'Участник', middleName: '', category: 'student', classLabel: '8А', roles: ['mentee'], phone: '', email: '', notes: '' });
    expect(p.birthDate).not.toBe(SUBJECT.birthDate);
    expect(ageOn(p.birthDate as string, ERASED_ON)).toBe(ageOn(SUBJECT.birthDate, ERASED_ON));
    expect(out.mentorships[0]).toMatchObject({ mentorIds: ['p-mentor'], menteeIds: [SUBJECT.id], status: 'active', startDate: '2026-09-10', title: '', goal: '' });
    expect(out.meetings.map((m) => [m.kind, m.date, m.durationMin, m.notes])).toEqual([
      ['intro', '2026-09-12', 45, ''],
      ['work', '2026-10-01', 40, ''],
    ]);
    expect(out.planItems.map((i) => [i.status, i.dueDate, i.title])).toEqual([
      ['done', '2026-10-01', 'Обезличено'],
      ['planned', '2026-11-01', 'Обезличено'],
    ]);
    expect(out.responses.map((r) => r.answers)).toEqual([{ a: 4 }, { a: 8 }]);
    expect(out.consents[0]).toMatchObject({ signedOn: '2026-09-01', withdrawnOn: '2026-11-01', signer: 'representative', representativeName: 'Обезличено', representativeRelation: '' });
    // the mentor's own row, consent and recognition are not about her
    expect(out.people.find((x) => x.id === 'p-mentor')).toEqual(sampleFields().people[1]);
    expect(out.consents[1]).toEqual(sampleFields().consents[1]);
  });

  it('removes her preference questionnaire (nothing anonymous in it), and only hers', () => {
    const { samples, scopes } = erasedTables();
    expect(eraseRecord(scopes, 'preferences', samples.preferences[0]!)).toEqual({ kind: 'remove' });
    expect(eraseRecord(scopes, 'preferences', { ...samples.preferences[0]!, personId: 'p-mentor', ranked: [SUBJECT.id] })).toEqual({ kind: 'unchanged' });
  });

  it('is idempotent: erased once or twice, the same record; an unrelated record is unchanged', () => {
    const { out, scopes } = erasedTables();
    for (const t of SYNCED_TABLES) for (const r of out[t]) expect(eraseRecord(scopes, t, r), `${t} ${String(r.id)}`).toEqual({ kind: 'unchanged' });
    expect(eraseRecord(scopes, 'partners', sampleFields().partners[0]!)).toEqual({ kind: 'unchanged' });
  });

  it('depends on the value and the erasure only: the same write erases to the same value on every device', () => {
    const a = erasedTables().out;
    const b = erasedTables().out;
    expect(a).toEqual(b);
  });

  it('a pair the erasure names counts as hers even where this device’s version of the pair does not list her', () => {
    const samples = sampleFields();
    const other = { ...samples.mentorships[0]!, menteeIds: ['someone-else'] };
    const scopes = erasureScopes([{ ...erasure, mentorshipIds: ['m1'] }], [{ table: 'mentorships', record: other }]);
    expect(eraseRecord(scopes, 'meetings', samples.meetings[0]!).kind).toBe('anonymised');
    expect(eraseRecord(scopes, 'mentorships', other).kind).toBe('anonymised');
  });

  it('erases kept conflict values of her records the same way, and leaves those of others', () => {
    const { samples, scopes } = erasedTables();
    const subject = samples.people[0]!;
    expect(eraseKeptValue(scopes, 'people', subject, { field: 'phone', write: 'w', value: '+7 999 000-00-00' })).toEqual({ field: 'phone', write: 'w', value: '' });
    expect(eraseKeptValue(scopes, 'people', subject, { field: 'classLabel', write: 'w', value: '7А' })).toBe('unchanged');
    expect(eraseKeptValue(scopes, 'people', samples.people[1]!, { field: 'phone', write: 'w', value: '+7 999' })).toBe('unchanged');
    expect(eraseKeptValue(scopes, 'preferences', samples.preferences[0]!, { field: 'ranked', write: 'w', value: [] })).toBe('remove');
  });
});

describe('indicators before and after the erasure', () => {
  function input(t: Record<SyncedTable, Record<string, unknown>[]>): MonitoringInput {
    return {
      today: ERASED_ON,
      academicYear: '2026/2027',
      school: { studentsTotal: 600, teachersTotal: 50, consentAge: 14 },
      people: t.people as unknown as MonitoringInput['people'],
      partners: t.partners as unknown as MonitoringInput['partners'],
      consents: t.consents as unknown as MonitoringInput['consents'],
      mentorships: t.mentorships as unknown as MonitoringInput['mentorships'],
      plans: t.plans as unknown as MonitoringInput['plans'],
      planItems: t.planItems as unknown as MonitoringInput['planItems'],
      events: t.events as unknown as MonitoringInput['events'],
    };
  }

  it('are equal: every monitoring indicator, its numerator, denominator and the records behind it', () => {
    const { samples, out } = erasedTables();
    expect(computeIndicators(input(out))).toEqual(computeIndicators(input(samples)));
    const school = { studentsTotal: 600, teachersTotal: 50 };
    expect(mentorShares(out.people as unknown as Person[], school)).toEqual(mentorShares(samples.people as unknown as Person[], school));
  });

  it('are equal across the age bands: a student erased at 18 still counts among the 10–18-year-olds that day', () => {
    const { samples } = erasedTables();
    for (const birthDate of ['2008-12-03', '2008-12-02', '2016-12-02', '2016-12-03', '2008-02-29']) {
      const people = samples.people.map((p) => (p.id === SUBJECT.id ? { ...p, birthDate } : p));
      const before = { ...samples, people };
      const scopes = erasureScopes([erasure], []);
      const after = { ...samples, people: people.map((p) => { const e = eraseRecord(scopes, 'people', p); return e.kind === 'anonymised' ? e.record : p; }) };
      expect(computeIndicators(input(after)), birthDate).toEqual(computeIndicators(input(before)));
    }
  });
});

describe('ordinary deletion', () => {
  it('a tombstone keeps no personal field of any table and stays valid', () => {
    const samples = sampleFields();
    const all = SYNCED_TABLES.flatMap((t) => samples[t].map((r) => ({ t, r: tombstoneFields(t, fieldsOf(r), ERASED_ON) })));
    const text = JSON.stringify(all);
    for (const s of [...SECRETS, 'Иванова', '+7 900 111-11-11', 'ivanova@example.ru', 'Сидоров', 'info@romashka.ru', 'Орлова']) expect(text, s).not.toContain(s);
    for (const { t, r } of all) expect(fieldsProblems(t, r), t).toEqual([]);
  });
});

describe('the log of erasures', () => {
  it('a line is kept three years to the day', () => {
    expect(logExpired('2026-12-02', '2029-12-02')).toBe(false);
    expect(logExpired('2026-12-02', '2029-12-03')).toBe(true);
  });
});
