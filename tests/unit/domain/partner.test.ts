import { describe, expect, it } from 'vitest';
import { representativeDefaults, representativesOf } from '../../../src/domain/partner';

const rep = (id: string, lastName: string, partnerId: string, deleted = false) => ({ id, lastName, firstName: 'Иван', middleName: '', partnerId, deleted });

describe('a partner\'s representatives', () => {
  it('lists the live people of this organisation by name, ё with е, each once', () => {
    const people = [rep('a', 'Ёлкин', 'p1'), rep('b', 'Борисов', 'p1'), rep('c', 'Ершов', 'p1'), rep('d', 'Алексеев', 'p2'), rep('e', 'Акулов', 'p1', true), rep('b', 'Борисов', 'p1')];
    expect(representativesOf(people, 'p1').map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(representativesOf(people, 'p3')).toEqual([]);
    // No organisation: not «everyone without one».
    expect(representativesOf([rep('x', 'Ким', '')], '')).toEqual([]);
  });
});

describe('«Добавить представителя»: what the new participant\'s form is filled with', () => {
  const partners = [{ id: 'p1' }, { id: 'p2', deleted: true }];
  it('the partner-employee category and the organisation, when it is a live partner on this device', () => {
    expect(representativeDefaults('p1', partners)).toEqual({ category: 'partnerRep', partnerId: 'p1' });
  });
  it('nothing for a deleted, unknown or missing partner: the form opens empty', () => {
    expect(representativeDefaults('p2', partners)).toBeNull();
    expect(representativeDefaults('zzz', partners)).toBeNull();
    expect(representativeDefaults(null, partners)).toBeNull();
    expect(representativeDefaults('', partners)).toBeNull();
  });
});
