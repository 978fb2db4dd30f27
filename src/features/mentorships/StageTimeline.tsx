import { formatRuDate } from '../../domain/dates';
import type { TimelineStage } from '../../domain/mentorshipList';
import { meetingKindLabel } from '../../i18n/ru';

/** The roadmap's five stages: passed (with dates), the one due next, and those held out of their order. */
export function StageTimeline({ stages }: { stages: readonly TimelineStage[] }) {
  return (
    <ol className="timeline" aria-label="Этапы работы">
      {stages.map((s) => {
        const state = s.done ? 'done' : s.next ? 'next' : 'todo';
        const stateText = s.done ? 'пройден' : s.next ? 'следующий' : 'впереди';
        return (
          <li key={s.kind} className={`timeline-stage timeline-${state}`} data-testid={`stage-${s.kind}`}>
            <span className="timeline-dot" aria-hidden="true">
              {s.done ? '✓' : ''}
            </span>
            <span className="timeline-body">
              <span className="timeline-title">
                {meetingKindLabel[s.kind]} <span className="visually-hidden">— этап {stateText}</span>
              </span>
              <span className="timeline-sub">
                {s.done
                  ? s.dates.length > 3
                    ? `${s.dates.length} встреч, последняя ${formatRuDate(s.dates.at(-1)!)}`
                    : s.dates.map(formatRuDate).join(', ')
                  : s.next
                    ? 'следующий этап'
                    : 'ещё не было'}
              </span>
              {s.outOfOrder && <span className="badge badge-warn">проведена раньше предыдущего этапа</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
