import { afterEach, describe, expect, it } from 'vitest';
import { Repository } from '../../../src/storage/repository';
import { savePreference, createMentorships } from '../../../src/storage/networking';
import { mentorshipsFromAccepted } from '../../../src/domain/networking';
import { carryForged, closeAll, dumpData, exchange, newDb, seedSchool } from './bundleHelpers';
import { RecordRejected } from '../../../src/domain/recordRules';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';

afterEach(closeAll);

/** The tables issue 4 added travel in bundles and merge like the others (their schemas are in TABLE_SCHEMAS). */
describe('networking tables in bundles', () => {
  it('an event, preferences, a school-edited form and accepted pairs reach the other device, and edits merge back', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1 } = await seedSchool(a);
    const event = await new Repository(a, 'events').save({
      kind: 'networking',
      title: 'Нетворкинг',
      date: '2025-09-25',
      place: 'Актовый зал',
      attendeeIds: [s1.id],
      notes: '',
    });
    await new Repository(a, 'mentoringForms').saveMany([
      { id: 'teacher-student', fields: { name: 'Учитель – ученик (школьная)', mentorCategories: ['teacher'], menteeCategories: ['student'], isFederal: false, description: '' } },
    ]);
    await savePreference({ eventId: event.id, personId: s1.id, side: 'mentee', ranked: ['t-1'] }, a);
    await createMentorships(mentorshipsFromAccepted([{ menteeId: s1.id, mentorId: 't-1', formId: 'teacher-student' }], new Set()), a);

    const first = await exchange(a, b);
    expect(first.perTable).toMatchObject({ events: { new: 1 }, preferences: { new: 1 }, mentoringForms: { new: 1 }, mentorships: { new: 3 } }); // the two seeded pairs and the accepted one
    expect(await dumpData(b)).toEqual(await dumpData(a));

    // B changes the answer; A gets it as an update of the same record, not a second answer
    await savePreference({ eventId: event.id, personId: s1.id, side: 'mentee', ranked: ['t-2', 't-1'] }, b);
    const back = await exchange(b, a);
    expect(back.perTable.preferences).toMatchObject({ updated: 1, conflict: 0 });
    const prefs = await a.preferences.toArray();
    expect(prefs).toHaveLength(1);
    expect(prefs[0]!.ranked).toEqual(['t-2', 't-1']);
  });

  it('a preference that breaks its rules is refused by the write path, and in a forged file by the import gate', async () => {
    const a = await newDb();
    const { s1 } = await seedSchool(a);
    const bad = {
      id: 'p1',
      eventId: 'e1',
      personId: s1.id,
      side: 'mentee' as const,
      ranked: [s1.id],
      createdAt: '2025-09-25T00:00:00.000Z',
      updatedAt: '2025-09-25T00:00:00.000Z',
      hlc: '000mfgkday0:00000:dev000000001',
      vv: { dev000000001: 1 },
      deleted: false,
      writes: ['000mfgkday0:00000:dev000000001#1'],
    };
    await expect(a.preferences.put(bad)).rejects.toThrow(RecordRejected);
    expect(await a.preferences.count()).toBe(0);
    const r = await carryForged(a, (t) => t.preferences!.push(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(bundleErrorMessage(r.error)).toMatch(/Анкеты предпочтений.*самого себя/s);
  });
});
