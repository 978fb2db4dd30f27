import type { Mentorship } from '../domain/mentorship';
import type { NewMentorship } from '../domain/networking';
import type { Preference, PreferenceFields } from '../domain/preference';
import { getDb, type NastavnikDb } from './db';
import { ERASURE_CHECK_TABLES, Repository } from './repository';

export const preferencesRepo = new Repository(getDb(), 'preferences');

/**
 * One answer per person, side and event: a second save of the questionnaire updates the same record, so two
 * devices that exchange bundles see one answer changed, not two answers.
 */
export async function savePreference(fields: PreferenceFields, db: NastavnikDb = getDb()): Promise<Preference> {
  const repo = db === getDb() ? preferencesRepo : new Repository(db, 'preferences');
  return db.transaction('rw', ['preferences', 'meta', 'conflicts', ...ERASURE_CHECK_TABLES], async () => {
    const existing = (await db.preferences.where('personId').equals(fields.personId).toArray()).find(
      (p) => !p.deleted && p.eventId === fields.eventId && p.side === fields.side,
    );
    const [saved] = await repo.saveManyInTx([{ fields, id: existing?.id }]);
    return saved!;
  });
}

/** The accepted suggestions as pairs and groups, all in one transaction: all of them are created or none. */
export async function createMentorships(items: readonly NewMentorship[], db: NastavnikDb = getDb()): Promise<Mentorship[]> {
  const repo = new Repository(db, 'mentorships');
  return repo.saveMany(items.map((fields) => ({ fields })));
}
