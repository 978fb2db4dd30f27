import type { Person, PersonCategory, PersonRole } from './person';
import { fullName, personSearchText } from './person';
import { normalizeText } from './text';

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

/** The index in the order of `sort`, sorted once per change of the data or of the order, not per keystroke. */
export function sortIndex(index: readonly IndexedPerson[], sort: PersonSort = 'name'): IndexedPerson[] {
  const out = [...index];
  const byName = (a: IndexedPerson, b: IndexedPerson) => collator.compare(a.name, b.name);
  if (sort === 'name') out.sort(byName);
  else if (sort === 'class') out.sort((a, b) => compareClass(a.person.classLabel, b.person.classLabel) || byName(a, b));
  else out.sort((a, b) => b.person.updatedAt.localeCompare(a.person.updatedAt));
  return out;
}

/** The people of a sorted index that pass the filter, in its order; the query is normalised once, not per person. */
export function filterSorted(sorted: readonly IndexedPerson[], f: PersonFilter): Person[] {
  const words = f.query ? normalizeText(f.query).split(' ').filter(Boolean) : [];
  const out: Person[] = [];
  for (const { person: p, search } of sorted) {
    if (f.category && p.category !== f.category) continue;
    if (f.role && !p.roles.includes(f.role)) continue;
    if (f.classLabel && p.classLabel !== f.classLabel) continue;
    if (f.partnerId && p.partnerId !== f.partnerId) continue;
    if (words.length && !words.every((w) => search.includes(w))) continue;
    out.push(p);
  }
  return out;
}

/** Search and filters, sorted: `filterSorted(sortIndex(index, sort), f)` (every word of the query, as `matchesQuery`). */
export function filterPeople(index: readonly IndexedPerson[], f: PersonFilter, sort: PersonSort = 'name'): Person[] {
  return filterSorted(sortIndex(index, sort), f);
}

/** The classes present, in school order, for the class filter. */
export function classesOf(people: readonly Person[]): string[] {
  return [...new Set(people.map((p) => p.classLabel).filter(Boolean))].sort(compareClass);
}
