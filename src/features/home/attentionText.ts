import type { AttentionItem, ErasureDue } from '../../domain/attention';
import { formatRuDate } from '../../domain/dates';
import { PAIRS_OR_GROUPS, plural } from '../../domain/text';

const DAYS = { one: 'день', few: 'дня', many: 'дней' } as const;

/** «Отозвано согласие: Семёнова Анна Петровна — уничтожить данные до 31.10.2025 (осталось 2 дня)». */
export function erasureDueText(d: ErasureDue): string {
  const head = `Отозвано согласие: ${d.name} — уничтожить данные до ${formatRuDate(d.dueDate)}`;
  if (d.daysLeft > 0) return `${head} (${new Intl.PluralRules('ru-RU').select(d.daysLeft) === 'one' ? 'остался' : 'осталось'} ${plural(d.daysLeft, DAYS)})`;
  if (d.daysLeft === 0) return `${head} (сегодня последний день)`;
  return `${head} (срок истёк ${plural(-d.daysLeft, DAYS)} назад)`;
}

/** The words of a line of «Требует внимания» and the screen where that work is done. */
export function attentionLine(i: AttentionItem): { text: string; to: string } {
  switch (i.kind) {
    case 'year':
      return { text: `Идёт ${i.current} учебный год, а в сведениях о школе — ${i.configured}: показатели считаются за ${i.configured}`, to: '/settings' };
    case 'conflicts':
      return { text: `Конфликты после обмена: ${plural(i.count, { one: 'запись ждёт', few: 'записи ждут', many: 'записей ждут' })} выбора`, to: '/exchange/conflicts' };
    case 'erasure':
      return { text: erasureDueText(i.due), to: `/people/${i.due.personId}` };
    case 'consents':
      return { text: `Нет согласия на обработку данных: ${plural(i.count, { one: 'участник', few: 'участника', many: 'участников' })}`, to: '/consents' };
    case 'notMeeting':
      return { text: `Не встречались больше 30 дней: ${plural(i.count, PAIRS_OR_GROUPS)}`, to: '/mentorships?attention=1' };
    case 'plans':
      return { text: `План отстаёт (просрочены пункты или к сроку меньше 90\u00a0%): ${plural(i.count, PAIRS_OR_GROUPS)}`, to: '/mentorships?attention=1' };
    case 'roadmap':
      return { text: `Просрочено в дорожной карте: ${plural(i.count, { one: 'пункт', few: 'пункта', many: 'пунктов' })}`, to: '/roadmap' };
    case 'backup':
      return {
        text:
          i.daysSince === null
            ? 'Резервной копии ещё нет: сохраните файл обмена «Вся школа»'
            : `Резервная копия сделана ${plural(i.daysSince, DAYS)} назад: сохраните новую`,
        to: '/exchange',
      };
  }
}
