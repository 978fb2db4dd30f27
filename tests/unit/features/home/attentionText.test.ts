import { describe, expect, it } from 'vitest';
import { attentionItems, type AttentionCounts } from '../../../../src/domain/attention';
import { attentionLine } from '../../../../src/features/home/attentionText';

describe('the words and screens of «Требует внимания»', () => {
  it('says each kind of work with its count in words and opens the screen where it is done', () => {
    const counts: AttentionCounts = { consentsMissing: 3, notMeeting: 1, plansUnder90: 5, overdueRoadmap: 2, conflicts: 21, daysSinceBackup: null, hasData: true };
    expect(attentionItems({ ...counts, yearMismatch: { configured: '2025/2026', current: '2026/2027' } }).map((i) => [attentionLine(i).text, attentionLine(i).to])).toEqual([
      ['Идёт 2026/2027 учебный год, а в сведениях о школе — 2025/2026: показатели считаются за 2025/2026', '/settings'],
      ['Конфликты после обмена: 21 запись ждёт выбора', '/exchange/conflicts'],
      ['Нет согласия на обработку данных: 3 участника', '/consents'],
      ['Не встречались больше 30 дней: 1 пара или группа', '/mentorships?attention=1'],
      ['План отстаёт (просрочены пункты или к сроку меньше 90\u00a0%): 5 пар и групп', '/mentorships?attention=1'],
      ['Просрочено в дорожной карте: 2 пункта', '/roadmap'],
      ['Резервной копии ещё нет: сохраните файл обмена «Вся школа»', '/exchange'],
    ]);
  });
  it('an old backup by its age', () => {
    expect(attentionLine({ kind: 'backup', daysSince: 7 })).toEqual({ text: 'Резервная копия сделана 7 дней назад: сохраните новую', to: '/exchange' });
    expect(attentionLine({ kind: 'backup', daysSince: 21 }).text).toBe('Резервная копия сделана 21 день назад: сохраните новую');
  });
});
