import type { Person, PersonCategory, PersonRole } from './person';
import { fullName, personSearchText } from './person';
import { matchesQuery } from './text';

export interface PersonFilter {
  query: string;
  category: PersonCategory | '';
  role: PersonRole | '';
  classLabel: string;
  partnerId: string;
}

export type PersonSort = 'name' | 'class' | 'recent';

export interface IndexedPerson {
  person: Person;
  search: string;
  name: string;
}

/** Precomputes what searching needs, once per change of the data rather than once per keystroke. */
export function indexPeople(people: readonly Person[]): IndexedPerson[] {
  return people.map((person) => ({ person, search: personSearchText(person), name: fullName(person) }));
}

const collator = new Intl.Collator('ru-RU', { sensitivity: 'base', numeric: true });

/** «10А» after «9Б»: grade by number, then letter. */
export function compareClass(a: string, b: string): number {
  return collator.compare(a, b);
}

export function filterPeople(index: readonly IndexedPerson[], f: PersonFilter, sort: PersonSort = 'name'): Person[] {
  const out = index.filter(
    ({ person: p, search }) =>
      (!f.category || p.category === f.category) &&
      (!f.role || p.roles.includes(f.role)) &&
      (!f.classLabel || p.classLabel === f.classLabel) &&
      (!f.partnerId || p.partnerId === f.partnerId) &&
      (!f.query || matchesQuery(search, f.query)),
  );
  const byName = (a: IndexedPerson, b: IndexedPerson) => collator.compare(a.name, b.name);
  if (sort === 'name') out.sort(byName);
  else if (sort === 'class') out.sort((a, b) => compareClass(a.person.classLabel, b.person.classLabel) || byName(a, b));
  else out.sort((a, b) => b.person.updatedAt.localeCompare(a.person.updatedAt));
  return out.map((x) => x.person);
}

/** The classes present, in school order, for the class filter. */
export function classesOf(people: readonly Person[]): string[] {
  return [...new Set(people.map((p) => p.classLabel).filter(Boolean))].sort(compareClass);
}
