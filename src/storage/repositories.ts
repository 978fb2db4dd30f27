import type { School, SchoolFields } from '../domain/school';
import { getDb } from './db';
import { Repository } from './repository';

/** Repositories over the app's database. Components read through these (with useLiveQuery) and write through them. */
export const peopleRepo = new Repository(getDb(), 'people');
export const partnersRepo = new Repository(getDb(), 'partners');
export const schoolRepo = new Repository(getDb(), 'school');
export const mentorshipsRepo = new Repository(getDb(), 'mentorships');
export const meetingsRepo = new Repository(getDb(), 'meetings');
export const plansRepo = new Repository(getDb(), 'plans');
export const planItemsRepo = new Repository(getDb(), 'planItems');
export const consentsRepo = new Repository(getDb(), 'consents');
export const ordersRepo = new Repository(getDb(), 'orders');
export const eventsRepo = new Repository(getDb(), 'events');
export const recognitionsRepo = new Repository(getDb(), 'recognitions');
export const practicesRepo = new Repository(getDb(), 'practices');

/** The school profile: one live record, or undefined before the first-run wizard. */
export async function getSchool(): Promise<School | undefined> {
  const all = await schoolRepo.list();
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

export async function saveSchool(fields: SchoolFields): Promise<School> {
  const current = await getSchool();
  // The profile form carries neither the indicator targets nor the SWOT analysis: keep the ones already set.
  const keep = {
    ...(!fields.indicatorTargets && current?.indicatorTargets ? { indicatorTargets: current.indicatorTargets } : {}),
    ...(!fields.swot && current?.swot ? { swot: current.swot } : {}),
  };
  return schoolRepo.save({ ...fields, ...keep }, current?.id);
}
