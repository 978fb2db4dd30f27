import { describe, expect, it } from 'vitest';
import {
  consentDeadline,
  consentOverview,
  consentState,
  percentText,
  representativeReason,
  requiredSigner,
} from '../../../src/domain/consentStatus';
import { consentFormSchema } from '../../../src/domain/consent.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';

const child = { id: 'c', birthDate: '2012-11-15' }; // 13 on 2025-10-01, 14 on 2026-11-15
const adult = { id: 'a', birthDate: '1980-01-01' };
const unknown = { id: 'u', birthDate: '' };

describe('who signs, decided at the signing date', () => {
  it('forces a representative under the consent age and lets the person sign from that birthday on', () => {
    expect(requiredSigner(child, '2025-10-01', 14)).toBe('representative');
    expect(requiredSigner(child, '2026-11-14', 14)).toBe('representative');
    expect(requiredSigner(child, '2026-11-15', 14)).toBe('either');
    expect(requiredSigner(adult, '2025-10-01', 14)).toBe('either');
  });
  it('follows the school’s own consent age', () => {
    expect(requiredSigner(child, '2025-10-01', 12)).toBe('either');
    expect(requiredSigner(adult, '2025-10-01', 18)).toBe('either');
  });
  it('cannot decide without a birth date or a signing date', () => {
    expect(requiredSigner(unknown, '2025-10-01', 14)).toBe('unknownAge');
    expect(requiredSigner(child, '', 14)).toBe('noDate');
    expect(requiredSigner(child, '2025-02-30', 14)).toBe('noDate');
  });
  it('explains the reason with the age in words', () => {
    expect(representativeReason(child, '2025-10-01', 14)).toMatch(/^На дату подписания участнику 12 лет — младше 14: согласие подписывает законный представитель/);
    expect(representativeReason({ birthDate: '2004-10-01' }, '2025-10-01', 22)).toContain('21 год');
  });
});

describe('the consent form’s rules', () => {
  const base = { personId: 'c', signedOn: '2025-10-01', signer: 'self' };
  const errors = (person: { birthDate: string }, input: object) => {
    const r = consentFormSchema(person, 14).safeParse(input);
    return r.success ? {} : fieldErrors(r.error);
  };
  it('refuses a 13-year-old signing for themselves, under the signer field', () => {
    expect(errors(child, base)).toEqual({ signer: 'На дату подписания участнику не было 14 лет: подписывает законный представитель' });
  });
  it('asks for the representative’s name and relation', () => {
    expect(errors(child, { ...base, signer: 'representative' })).toEqual({
      representativeName: 'Укажите ФИО законного представителя',
      representativeRelation: 'Укажите, кем представитель приходится участнику',
    });
    expect(errors(child, { ...base, signer: 'representative', representativeName: 'Семёнова О. И.', representativeRelation: 'мать' })).toEqual({});
  });
  it('accepts an adult signing for themselves, and a representative for an adult', () => {
    expect(errors(adult, { ...base, personId: 'a' })).toEqual({});
    expect(errors(adult, { ...base, personId: 'a', signer: 'representative', representativeName: 'Опекун', representativeRelation: 'опекун' })).toEqual({});
  });
  it('refuses what cannot be checked, and dates in the future', () => {
    expect(errors(unknown, { ...base, personId: 'u' }).signer).toMatch(/Не указана дата рождения/);
    expect(errors(adult, { ...base, signedOn: '2999-01-01' }).signedOn).toBe('Дата подписания не может быть в будущем');
    expect(errors(adult, { ...base, signedOn: '' }).signedOn).toBe('Дата подписания: укажите дату');
    expect(errors(adult, { ...base, withdrawnOn: '2025-09-01' }).withdrawnOn).toBe('Дата отзыва раньше даты подписания');
  });
});

describe('the consent indicator and the list of who lacks one', () => {
  const rep = { signer: 'representative' as const, representativeName: 'Мать', withdrawnOn: '' };
  const people = [
    { ...child, lastName: 'Ли' },
    { ...adult, lastName: 'Орлов' },
    { ...unknown, lastName: 'Ким' },
    { id: 'w', birthDate: '1990-05-05', lastName: 'Юн' },
    { id: 'x', birthDate: '2013-01-01', lastName: 'Ян' },
  ];
  const consents = [
    { personId: 'c', signedOn: '2025-10-01', ...rep },
    { personId: 'a', signedOn: '2025-10-02', signer: 'self' as const, withdrawnOn: '' },
    { personId: 'u', signedOn: '2025-10-02', signer: 'self' as const, withdrawnOn: '' },
    { personId: 'w', signedOn: '2025-10-02', signer: 'self' as const, withdrawnOn: '2025-10-10' },
    { personId: 'x', signedOn: '2025-10-02', signer: 'self' as const, withdrawnOn: '' },
    { personId: 'x', signedOn: '2025-10-03', ...rep, deleted: true },
  ];
  const o = consentOverview(people, consents, 14, '2025-10-20');

  it('counts valid consents over all participants', () => {
    expect([o.valid, o.total]).toEqual([2, 5]);
    expect(o.share).toBeCloseTo(0.4);
    expect(o.covered.map((p) => p.id)).toEqual(['c', 'a']);
  });
  it('says why each missing one is missing, and marks those under the consent age', () => {
    expect(o.missing.map((m) => [m.person.id, m.reason, m.underAge])).toEqual([
      ['u', 'noBirthDate', 'unknown'],
      ['w', 'withdrawn', false],
      ['x', 'wrongSigner', true],
    ]);
  });
  it('ignores a consent signed after the day asked about', () => {
    const early = consentOverview(people, consents, 14, '2025-10-01');
    expect(early.covered.map((p) => p.id)).toEqual(['c']);
    expect(early.missing.find((m) => m.person.id === 'a')?.reason).toBe('none');
  });
  it('is empty, not NaN, for a school without participants', () => {
    expect(consentOverview([], [], 14).share).toBeNull();
    expect(percentText(null)).toBe('—');
  });
  it('names a consent’s state', () => {
    expect(consentState(consents[0]!, child, 14, '2025-10-20')).toBe('valid');
    expect(consentState(consents[3]!, people[3]!, 14, '2025-10-20')).toBe('withdrawn');
    expect(consentState(consents[4]!, people[4]!, 14, '2025-10-20')).toBe('wrongSigner');
    expect(consentState(consents[0]!, child, 14, '2025-09-01')).toBe('notYetSigned');
  });
});

describe('the roadmap’s target', () => {
  it('is the end of October of the academic year’s first year', () => {
    expect(consentDeadline('2025/2026')).toBe('2025-10-31');
    expect(consentDeadline('')).toBe('');
  });
  it('never rounds an almost-complete share up to 100 %', () => {
    expect(percentText(0.4)).toBe('40 %');
    expect(percentText(199 / 200)).toBe('99,5 %');
    expect(percentText(0.9999)).toBe('99,9 %');
    expect(percentText(1)).toBe('100 %');
    expect(percentText(2 / 3)).toBe('67 %');
  });
});
