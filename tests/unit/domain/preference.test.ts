import { describe, expect, it } from 'vitest';
import { latestPreferences, type PreferenceLike } from '../../../src/domain/preference';
import { preferenceInputSchema } from '../../../src/domain/preference.schema';
import { fieldErrors } from '../../../src/domain/zodErrors';

describe('preference questionnaire', () => {
  const base = { eventId: 'ev1', personId: 'p1', side: 'mentee' };
  it('accepts up to five people, best first', () => {
    expect(preferenceInputSchema.parse({ ...base, ranked: ['a', 'b', 'c', 'd', 'e'] }).ranked).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(preferenceInputSchema.parse(base).ranked).toEqual([]);
  });
  it('refuses a sixth choice, a repeated choice and oneself, in Russian', () => {
    expect(fieldErrors(preferenceInputSchema.safeParse({ ...base, ranked: ['a', 'b', 'c', 'd', 'e', 'f'] }).error!)).toEqual({
      ranked: 'Не больше 5 участников в анкете',
    });
    expect(fieldErrors(preferenceInputSchema.safeParse({ ...base, ranked: ['a', 'p1', 'b', 'a'] }).error!)).toEqual({
      'ranked.1': 'Нельзя выбрать самого себя',
      'ranked.3': 'Участник уже выбран на 1-е место',
    });
    expect(fieldErrors(preferenceInputSchema.safeParse({ ...base, eventId: '', side: 'boss' }).error!)).toEqual({
      eventId: 'Выберите мероприятие, после которого заполнена анкета',
      side: 'Укажите, кто заполняет анкету: наставник или наставляемый',
    });
  });
  it('keeps one answer per person and side: the newest, in any order, of the given event', () => {
    const prefs: (PreferenceLike & { id: string })[] = [
      { id: 'x', eventId: 'ev1', personId: 'p1', side: 'mentee', ranked: ['a'], updatedAt: '2025-09-10T10:00:00Z' },
      { id: 'y', eventId: 'ev1', personId: 'p1', side: 'mentee', ranked: ['b'], updatedAt: '2025-09-12T10:00:00Z' },
      { id: 'z', eventId: 'ev1', personId: 'p1', side: 'mentee', ranked: ['c'], updatedAt: '2025-09-13T10:00:00Z', deleted: true },
      { id: 'w', eventId: 'ev1', personId: 'p1', side: 'mentor', ranked: ['d'], updatedAt: '2025-09-01T10:00:00Z' },
      { id: 'v', eventId: 'ev2', personId: 'p1', side: 'mentee', ranked: ['e'], updatedAt: '2026-03-01T10:00:00Z' },
    ];
    const pick = (list: typeof prefs) => latestPreferences(list, 'ev1').map((p) => p.id).sort();
    expect(pick(prefs)).toEqual(['w', 'y']);
    expect(pick([...prefs].reverse())).toEqual(['w', 'y']);
    expect(latestPreferences(prefs).map((p) => p.id).sort()).toEqual(['v', 'w']);
  });
});
