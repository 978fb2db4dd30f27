import { describe, expect, it } from 'vitest';
import { duplicateKey, fullName, needsRepresentative, shortName } from '../../../src/domain/person';
import { personInputSchema } from '../../../src/domain/person.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';
import { ageOn, parseRuDate } from '../../../src/domain/dates';
import { matchesQuery, normalizeText, plural } from '../../../src/domain/text';

describe('ages and the under-14 consent rule', () => {
  it('counts whole years, turning older on the birthday itself', () => {
    expect(ageOn('2011-10-15', '2025-10-14')).toBe(13);
    expect(ageOn('2011-10-15', '2025-10-15')).toBe(14);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });
  it('asks for a legal representative below the consent age at the signing date', () => {
    const p = { birthDate: '2011-10-15' };
    expect(needsRepresentative(p, '2025-10-14')).toBe(true);
    expect(needsRepresentative(p, '2025-10-15')).toBe(false);
    expect(needsRepresentative(p, '2025-10-15', 15)).toBe(true);
    expect(needsRepresentative({ birthDate: '' }, '2025-10-15')).toBe('unknown');
  });
  it('lets adults by category sign for themselves without a birth date, but asks for a student\'s', () => {
    for (const category of ['teacher', 'parent', 'partnerRep', 'graduate'] as const)
      expect(needsRepresentative({ birthDate: '', category }, '2025-10-15')).toBe(false);
    expect(needsRepresentative({ birthDate: '', category: 'student' }, '2025-10-15')).toBe('unknown');
    expect(needsRepresentative({ birthDate: '15.10.2011', category: 'student' }, '2025-10-15')).toBe('unknown');
  });
});

describe('person validation', () => {
  const base = { lastName: 'Семёнова', firstName: 'Анна', category: 'student', classLabel: '7 б', birthDate: '2012-05-01' };
  it('accepts a student and normalises the class', () => {
    const p = personInputSchema.parse(base);
    expect(p.classLabel).toBe('7Б');
    expect(p.roles).toEqual([]);
  });
  it('names each wrong field in Russian', () => {
    const r = personInputSchema.safeParse({ ...base, lastName: '', classLabel: '', birthDate: '2012-02-30', email: 'нет' });
    expect(r.success).toBe(false);
    const e = fieldErrors(r.error!);
    expect(e.lastName).toBe('Укажите: фамилия');
    expect(e.birthDate).toBe('Дата рождения: неверная дата');
    expect(e.email).toBe('Электронная почта: неверный адрес');
    expect(e.classLabel).toBe('Укажите класс обучающегося');
  });
  it('reports a birth date typed in the wrong format instead of throwing', () => {
    const r = personInputSchema.safeParse({ ...base, birthDate: '01.05.2012' });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).birthDate).toBe('Дата рождения: неверная дата');
  });
  it('keeps a mentor\'s capacity as a whole number from 1 to 30, unset meaning one', () => {
    const teacher = { lastName: 'Петров', firstName: 'Иван', category: 'teacher', roles: ['mentor'] };
    expect(personInputSchema.parse(teacher).mentorCapacity).toBeUndefined();
    expect(personInputSchema.parse({ ...teacher, mentorCapacity: 4 }).mentorCapacity).toBe(4);
    expect(fieldErrors(personInputSchema.safeParse({ ...teacher, mentorCapacity: 0 }).error!).mentorCapacity).toBe('Сколько наставляемых: не меньше 1');
    expect(fieldErrors(personInputSchema.safeParse({ ...teacher, mentorCapacity: 2.5 }).error!).mentorCapacity).toBe('Сколько наставляемых: целое число');
    expect(fieldErrors(personInputSchema.safeParse({ ...teacher, mentorCapacity: Number('два') }).error!).mentorCapacity).toBe('Сколько наставляемых: укажите число');
  });
  it('requires the partner of a partner representative', () => {
    const r = personInputSchema.safeParse({ lastName: 'Ким', firstName: 'Олег', category: 'partnerRep' });
    expect(fieldErrors(r.error!).partnerId).toBe('Выберите организацию-партнёра');
  });
  it('a teacher needs neither class nor birth date', () => {
    expect(personInputSchema.safeParse({ lastName: 'Ким', firstName: 'Олег', category: 'teacher' }).success).toBe(true);
  });
  it('formats names for lists and orders', () => {
    const p = { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' };
    expect(fullName(p)).toBe('Иванова Мария Петровна');
    expect(shortName(p)).toBe('Иванова М. П.');
  });
  it('treats ё and case alike when spotting duplicates', () => {
    expect(duplicateKey({ lastName: 'Семёнова', firstName: 'АННА', middleName: '', birthDate: '2012-05-01' })).toBe(
      duplicateKey({ lastName: 'семенова', firstName: 'Анна', middleName: '', birthDate: '2012-05-01' }),
    );
  });
});

describe('search normalisation', () => {
  it('folds case and ё, and matches any part of the name in any order', () => {
    const hay = normalizeText('Семёнов Пётр Алексеевич 7Б');
    expect(matchesQuery(hay, 'петр')).toBe(true);
    expect(matchesQuery(hay, 'ПЁТР семен')).toBe(true);
    expect(matchesQuery(hay, 'ксеев')).toBe(true);
    expect(matchesQuery(hay, 'иван')).toBe(false);
    expect(matchesQuery(hay, '  ')).toBe(true);
  });
  it('parses ДД.ММ.ГГГГ and refuses impossible dates', () => {
    expect(parseRuDate('01.09.2012')).toBe('2012-09-01');
    expect(parseRuDate('1.9.2012')).toBe('2012-09-01');
    expect(parseRuDate('31.02.2012')).toBeNull();
    expect(parseRuDate('2012-09-01')).toBe('2012-09-01');
    expect(parseRuDate('вчера')).toBeNull();
  });
  it('chooses the Russian plural form', () => {
    expect(plural(1, { one: 'участник', few: 'участника', many: 'участников' })).toBe('1 участник');
    expect(plural(3, { one: 'участник', few: 'участника', many: 'участников' })).toBe('3 участника');
    expect(plural(11, { one: 'участник', few: 'участника', many: 'участников' })).toBe('11 участников');
    expect(plural(21, { one: 'участник', few: 'участника', many: 'участников' })).toBe('21 участник');
  });
});
