import { afterEach, describe, expect, it } from 'vitest';
import { loadStates } from '../../../src/storage/bundle/localState';
import { listConflicts } from '../../../src/storage/bundle/conflicts';
import { closeAll, exchange, newDb, personFields, repos, seedSchool } from './bundleHelpers';

// The import reads this device's copy of the file's records by the cheapest way (src/storage/bundle/localState.ts):
// nothing from an empty table, the whole table in one getAll when the file names most of it, one get per key when
// it names a few. Each way must give the same merge: nobody's work lost, a record that differs merged field by field.

afterEach(closeAll);

describe('the import’s reads of this device’s records', () => {
  it('an empty table: nothing read, nothing to merge with; a table holding records: exactly the ones asked for', async () => {
    const a = await newDb();
    const { s1, s2, x } = await seedSchool(a);
    const empty = await newDb();
    expect(await empty.transaction('r', empty.people, empty.conflicts, () => loadStates(empty, 'people', [s1.id, s2.id], []))).toEqual(new Map());
    // most of the table asked for (read whole) and a few (one get per key): the same states, only those asked, none invented
    for (const ids of [[s1.id, s2.id, x.id, 'не-существует'], [s1.id, 'не-существует']]) {
      const states = await a.transaction('r', a.people, a.conflicts, () => loadStates(a, 'people', ids, []));
      expect([...states.keys()].sort()).toEqual(ids.filter((id) => id !== 'не-существует').sort());
      for (const [id, s] of states) expect(s.record).toEqual(await a.people.get(id));
    }
  });

  it('into a table the file names whole: edits of different fields merge field by field, both kept', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1 } = await seedSchool(a);
    await exchange(a, b);
    await repos(a).people.save(personFields({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' }), s1.id);
    await repos(b).people.save(personFields({ phone: '+7 900 333-33-33' }), s1.id);
    expect((await exchange(a, b)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect(await b.people.get(s1.id)).toMatchObject({ lastName: 'Петров-Водкин', phone: '+7 900 333-33-33' });
    expect(await listConflicts(b)).toEqual([]);
  });

  it('into a table holding many more records than the file: the same field-by-field merge, the others untouched', async () => {
    const a = await newDb();
    const b = await newDb();
    const { s1 } = await seedSchool(a);
    await exchange(a, b);
    const own = await repos(b).people.saveMany(Array.from({ length: 30 }, (_, i) => ({ fields: personFields({ lastName: `Свой${'абвгдежзиклмнопрстуфхцчшщэюяё'[i]}` }) })));
    expect(await b.people.count()).toBe(35); // the file's 5 people are under a quarter of them: read one by one
    await repos(a).people.save(personFields({ lastName: 'Петров-Водкин', phone: '+7 900 111-11-11' }), s1.id);
    await repos(b).people.save(personFields({ phone: '+7 900 333-33-33' }), s1.id);
    const ownBefore = await b.people.bulkGet(own.map((p) => p.id));
    expect((await exchange(a, b)).total).toMatchObject({ updated: 1, conflict: 0 });
    expect(await b.people.get(s1.id)).toMatchObject({ lastName: 'Петров-Водкин', phone: '+7 900 333-33-33' });
    expect(await b.people.bulkGet(own.map((p) => p.id))).toEqual(ownBefore);
    // the same field edited on both: a conflict, the other value kept, on this side too
    await repos(a).people.save(personFields({ lastName: 'Петров-Сидоров', phone: '+7 900 333-33-33' }), s1.id);
    await repos(b).people.save(personFields({ lastName: 'Петров-Иванов', phone: '+7 900 333-33-33' }), s1.id);
    expect((await exchange(a, b)).total).toMatchObject({ conflict: 1 });
    const [g] = await listConflicts(b);
    expect(g!.fields[0]!.options.map((o) => o.value).sort()).toEqual(['Петров-Иванов', 'Петров-Сидоров']);
  });
});
