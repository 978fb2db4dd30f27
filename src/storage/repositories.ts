import type { Person } from '../domain/person';
import type { Partner } from '../domain/partner';
import type { School, SchoolFields } from '../domain/school';
import { getDb } from './db';
import { Repository } from './repository';

/** Repositories over the app's database. Components read through these (with useLiveQuery) and write through them. */
export const peopleRepo = new Repository<Person>(getDb(), 'people');
export const partnersRepo = new Repository<Partner>(getDb(), 'partners');
export const schoolRepo = new Repository<School>(getDb(), 'school');

/** The school profile: one live record, or undefined before the first-run wizard. */
export async function getSchool(): Promise<School | undefined> {
  const all = await schoolRepo.list();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

export async function saveSchool(fields: SchoolFields): Promise<School> {
  const current = await getSchool();
  return schoolRepo.save(fields, current?.id);
}
