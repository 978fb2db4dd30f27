import { describe, expect, it } from 'vitest';
import { filterPeople, filterSorted, indexPeople, sortIndex } from '../../../src/domain/personList';
import { matchesQuery } from '../../../src/domain/text';
import type { Person } from '../../../src/domain/person';

const person = (id: string, lastName: string, firstName: string, classLabel: string, updatedAt: string): Person =>
  ({ id, lastName, firstName, middleName: '', classLabel, category: 'student', roles: ['mentee'], partnerId: '', updatedAt }) as unknown as Person;

const people = [
  person('1', 'Семёнов', 'Пётр', '7Б', '2026-01-03'),
  person('2', 'Иванова', 'Мария', '10А', '2026-01-01'),
  person('3', 'Иванов', 'Семён', '9Б', '2026-01-02'),
  person('4', 'Петрова', 'Анна', '7Б', '2026-01-04'),
];
const none = { category: '', role: '', classLabel: '', partnerId: '' } as const;

describe('the participants’ search on a presorted index', () => {
  it('finds what matchesQuery finds, in the order of the sort, for every query and order', () => {
    const index = indexPeople(people);
    for (const sort of ['name', 'class', 'recent'] as const) {
      const sorted = sortIndex(index, sort);
      for (const query of ['', 'иван', 'семен', 'Семён ив', '7б', 'пет', '  ПЕТ  ', 'нет такого']) {
        const expected = sorted.filter((x) => !query || matchesQuery(x.search, query)).map((x) => x.person.id);
        expect(filterSorted(sorted, { ...none, query }).map((p) => p.id)).toEqual(expected);
        expect(filterPeople(index, { ...none, query }, sort).map((p) => p.id)).toEqual(expected);
      }
    }
    expect(sortIndex(index, 'name').map((x) => x.person.id)).toEqual(['3', '2', '4', '1']);
    expect(sortIndex(index, 'class').map((x) => x.person.classLabel)).toEqual(['7Б', '7Б', '9Б', '10А']);
    expect(sortIndex(index, 'recent').map((x) => x.person.id)).toEqual(['4', '1', '3', '2']);
  });
});
