import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NastavnikDb } from '../../../../src/storage/db';
import { repositoryFor } from '../../../../src/storage/repository';
import { peopleWithoutConsent } from '../../../../src/domain/consent';
import { saveConsent, withdrawConsent } from '../../../../src/storage/consentWrites';
import { RecordRejected } from '../../../../src/domain/recordRules';

let db: NastavnikDb;
let n = 0;
beforeEach(async () => {
  db = new NastavnikDb(`consent-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const child = { id: 'c1', birthDate: '2012-11-15' }; // 12 on 2025-10-01
const teen = { id: 't1', birthDate: '2011-09-01' }; // 14 on 2025-10-01

async function rejection(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RecordRejected) return e.errors;
    throw e;
  }
  throw new Error('saved, but should have been refused');
}

describe('saving a consent', () => {
  it('refuses a child signing for themselves and stores nothing', async () => {
    const errors = await rejection(saveConsent({ personId: 'c1', signedOn: '2025-10-01', signer: 'self' }, child, 14, { db }));
    expect(errors.signer).toMatch(/не было 14 лет/);
    expect(await db.consents.count()).toBe(0);
  });

  it('stores a representative’s consent for the child, which then counts', async () => {
    const saved = await saveConsent(
      { personId: 'c1', signedOn: '2025-10-01', signer: 'representative', representativeName: 'Семёнова Ольга Ивановна', representativeRelation: 'мать' },
      child,
      14,
      { db },
    );
    expect(saved).toMatchObject({ signer: 'representative', representativeRelation: 'мать', deleted: false });
    const all = await repositoryFor(db, 'consents').list();
    expect(peopleWithoutConsent([child], all, 14, '2025-10-02')).toEqual([]);
  });

  it('lets a 14-year-old sign, and drops representative details a self-signed consent does not need', async () => {
    const saved = await saveConsent(
      { personId: 't1', signedOn: '2025-10-01', signer: 'self', representativeName: 'забытое', representativeRelation: 'мать' },
      teen,
      14,
      { db },
    );
    expect(saved.representativeName).toBe('');
    expect(saved.representativeRelation).toBe('');
  });

  it('checks the school’s own consent age', async () => {
    const errors = await rejection(saveConsent({ personId: 't1', signedOn: '2025-10-01', signer: 'self' }, teen, 16, { db }));
    expect(errors.signer).toMatch(/не было 16 лет/);
  });

  it('refuses a consent that names another person', async () => {
    const errors = await rejection(
      saveConsent({ personId: 'c1', signedOn: '2025-10-01', signer: 'self' }, teen, 14, { db }),
    );
    expect(errors.personId).toBe('Согласие относится к другому участнику');
  });

  it('withdrawing keeps the record and stops it counting from that day', async () => {
    const saved = await saveConsent({ personId: 't1', signedOn: '2025-10-01', signer: 'self' }, teen, 14, { db });
    expect((await rejection(withdrawConsent(saved, '2025-09-01', db))).withdrawnOn).toBe('Дата отзыва раньше даты подписания');
    expect((await rejection(withdrawConsent(saved, '', db))).withdrawnOn).toBe('Укажите дату отзыва');
    const withdrawn = await withdrawConsent(saved, '2025-10-10', db);
    expect(withdrawn.id).toBe(saved.id);
    expect(withdrawn.withdrawnOn).toBe('2025-10-10');
    expect(Object.values(withdrawn.vv)).toEqual([2]);
    expect(peopleWithoutConsent([teen], [withdrawn], 14, '2025-10-09')).toEqual([]);
    expect(peopleWithoutConsent([teen], [withdrawn], 14, '2025-10-10')).toEqual([teen]);
  });
});
