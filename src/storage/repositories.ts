import type { Person } from '../domain/person';
import type { Partner } from '../domain/partner';
import type { School, SchoolFields } from '../domain/school';
import type { Mentorship } from '../domain/mentorship';
import type { Meeting } from '../domain/meeting';
import type { Plan, PlanItem } from '../domain/plan';
import type { Consent } from '../domain/consent';
import type { Order } from '../domain/order';
import type { SchoolEvent } from '../domain/event';
import type { Recognition } from '../domain/recognition';
import type { Practice } from '../domain/practice';
import { getDb } from './db';
import { Repository } from './repository';

/** Repositories over the app's database. Components read through these (with useLiveQuery) and write through them. */
export const peopleRepo = new Repository<Person>(getDb(), 'people');
export const partnersRepo = new Repository<Partner>(getDb(), 'partners');
export const schoolRepo = new Repository<School>(getDb(), 'school');
export const mentorshipsRepo = new Repository<Mentorship>(getDb(), 'mentorships');
export const meetingsRepo = new Repository<Meeting>(getDb(), 'meetings');
export const plansRepo = new Repository<Plan>(getDb(), 'plans');
export const planItemsRepo = new Repository<PlanItem>(getDb(), 'planItems');
export const consentsRepo = new Repository<Consent>(getDb(), 'consents');
export const ordersRepo = new Repository<Order>(getDb(), 'orders');
export const eventsRepo = new Repository<SchoolEvent>(getDb(), 'events');
export const recognitionsRepo = new Repository<Recognition>(getDb(), 'recognitions');
export const practicesRepo = new Repository<Practice>(getDb(), 'practices');

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
