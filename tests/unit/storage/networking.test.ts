import { afterEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../src/storage/db';
import { createMentorships, savePreference } from '../../../src/storage/networking';
import { mentorshipsFromAccepted } from '../../../src/domain/networking';

let n = 0;
const dbs: NastavnikDb[] = [];
function freshDb() {
  const db = new NastavnikDb(`networking-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('networking storage', () => {
  it('keeps one answer per person, side and event: a second save updates it', async () => {
    const db = freshDb();
    const a = await savePreference({ eventId: 'e1', personId: 's1', side: 'mentee', ranked: ['t1'] }, db);
    const b = await savePreference({ eventId: 'e1', personId: 's1', side: 'mentee', ranked: ['t2', 't1'] }, db);
    const c = await savePreference({ eventId: 'e1', personId: 's1', side: 'mentor', ranked: ['s9'] }, db);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    const all = await db.preferences.toArray();
    expect(all).toHaveLength(2);
    expect(all.find((p) => p.id === a.id)?.ranked).toEqual(['t2', 't1']);
    expect(Object.values(all.find((p) => p.id === a.id)!.vv).reduce((x, y) => x + y, 0)).toBe(2);
  });

  it('creates all accepted pairs and groups in one transaction, or none when one is refused', async () => {
    const db = freshDb();
    const items = mentorshipsFromAccepted(
      [
        { menteeId: 's1', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's2', mentorId: 't1', formId: 'teacher-student' },
        { menteeId: 's3', mentorId: 't2', formId: 'teacher-student' },
      ],
      new Set(['t1']),
    );
    const saved = await createMentorships(items, db);
    expect(saved).toHaveLength(2);
    expect(await db.mentorships.count()).toBe(2);

    const db2 = freshDb();
    // a record IndexedDB cannot store (a function) fails the whole batch
    const broken = [...items, { ...items[0]!, goal: (() => 'x') as unknown as string }];
    await expect(createMentorships(broken, db2)).rejects.toThrow();
    expect(await db2.mentorships.count()).toBe(0);
  });
});
