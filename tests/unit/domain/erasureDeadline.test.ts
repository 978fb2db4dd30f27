import { describe, expect, it } from 'vitest';
import { attentionCounts, attentionItems, erasureDeadlines, ERASURE_DAYS } from '../../../src/domain/attention';
import { attentionLine, erasureDueText } from '../../../src/features/home/attentionText';

const anna = { id: 'anna', lastName: 'Семёнова', firstName: 'Анна', middleName: 'Петровна', category: 'student' as const, birthDate: '2010-03-01' };
const ivan = { id: 'ivan', lastName: 'Петров', firstName: 'Иван', middleName: '', category: 'teacher' as const, birthDate: '' };
const signed = { personId: 'anna', signer: 'self' as const, signedOn: '2025-09-10', withdrawnOn: '2025-10-01' };
const due = (today: string, more: Partial<Parameters<typeof erasureDeadlines>[0]> = {}) =>
  erasureDeadlines({ today, consentAge: 14, people: [anna, ivan], consents: [signed], erasedPersonIds: new Set(), ...more });

describe('the 30 days after a withdrawn consent', () => {
  it('counts from the withdrawal: day 29 leaves one day, day 30 is the last, day 31 is one day late', () => {
    expect(ERASURE_DAYS).toBe(30);
    expect(due('2025-10-30')).toEqual([{ personId: 'anna', name: 'Семёнова Анна Петровна', withdrawnOn: '2025-10-01', dueDate: '2025-10-31', daysLeft: 1 }]);
    expect(erasureDueText(due('2025-10-30')[0]!)).toBe('Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (остался 1 день)');
    expect(erasureDueText(due('2025-10-31')[0]!)).toBe('Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (сегодня последний день)');
    expect(erasureDueText(due('2025-11-01')[0]!)).toBe('Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (срок истёк 1 день назад)');
  });

  it('words the days by Russian plural rules', () => {
    expect(erasureDueText(due('2025-10-01')[0]!)).toMatch(/\(осталось 30 дней\)$/);
    expect(erasureDueText(due('2025-10-10')[0]!)).toMatch(/\(остался 21 день\)$/);
    expect(erasureDueText(due('2025-10-29')[0]!)).toMatch(/\(осталось 2 дня\)$/);
    expect(erasureDueText(due('2025-11-05')[0]!)).toMatch(/\(срок истёк 5 дней назад\)$/);
    expect(erasureDueText(due('2025-11-22')[0]!)).toMatch(/\(срок истёк 22 дня назад\)$/);
  });

  it('does not run before the withdrawal, after a new valid consent, or for someone already erased', () => {
    expect(due('2025-09-30')).toEqual([]);
    expect(due('2025-10-20', { consents: [signed, { ...signed, signedOn: '2025-10-15', withdrawnOn: '' }] })).toEqual([]);
    expect(due('2025-10-20', { erasedPersonIds: new Set(['anna']) })).toEqual([]);
    expect(due('2025-10-20', { consents: [{ ...signed, deleted: true }] })).toEqual([]);
    // A consent signed again and withdrawn again: the clock starts from the latest withdrawal.
    expect(due('2025-11-20', { consents: [signed, { ...signed, signedOn: '2025-10-15', withdrawnOn: '2025-11-10' }] })[0]!.dueDate).toBe('2025-12-10');
  });

  it('shows on «Требует внимания», overdue first, each linking to the person’s card', () => {
    const counts = attentionCounts({
      today: '2025-11-01',
      school: { academicYear: '2025/2026', consentAge: 14 },
      people: [anna, ivan],
      consents: [signed, { personId: 'ivan', signer: 'self', signedOn: '2025-09-10', withdrawnOn: '2025-10-25' }],
      rows: [],
      roadmap: [],
      conflicts: 0,
      lastExportAt: '2025-10-31T10:00:00Z',
    });
    const items = attentionItems(counts)
      .filter((i) => i.kind === 'erasure')
      .map((i) => ({ id: `erasure-${i.kind === 'erasure' ? i.due.personId : ''}`, ...attentionLine(i) }));
    expect(items).toEqual([
      { id: 'erasure-anna', text: 'Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (срок истёк 1 день назад)', to: '/people/anna' },
      { id: 'erasure-ivan', text: 'Отозвано согласие: Петров Иван — уничтожить данные до 24.11.2025 (осталось 23 дня)', to: '/people/ivan' },
    ]);
    const erased = attentionCounts({ ...{ today: '2025-11-01', school: undefined, people: [anna], consents: [signed], rows: [], roadmap: [], conflicts: 0, lastExportAt: null }, erasedPersonIds: new Set(['anna']) });
    expect(erased.erasuresDue).toBeUndefined();
  });
});
