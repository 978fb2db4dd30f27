import { memo } from 'react';
import { Link } from 'react-router';
import { STAGE_COUNT, type MentorshipRow as Row, type RowWarning } from '../../domain/mentorshipList';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { plural } from '../../domain/text';

const DAYS = { one: 'день', few: 'дня', many: 'дней' };

export function warningText(w: RowWarning): string {
  switch (w.kind) {
    case 'notMet':
      return `не встречались ${plural(w.days, DAYS)}`;
    case 'neverMet':
      return `ни одной встречи за ${plural(w.days, DAYS)}`;
    case 'planUnder90':
      return `план ${Math.round(w.share * 100)}\u00a0% — меньше 90\u00a0%`;
    case 'planOverdue':
      return `в плане просрочено: ${plural(w.count, { one: 'пункт', few: 'пункта', many: 'пунктов' })}`;
  }
}

/** «Семёнов П., 7Б; Ли А., 7Б и ещё 3»: a long group stays on one or two lines. */
export function namesLine(names: readonly string[], shown = 3): string {
  const head = names.slice(0, shown).join('; ');
  return names.length > shown ? `${head} и ещё ${names.length - shown}` : head;
}

export const MentorshipRow = memo(function MentorshipRow({ row }: { row: Row }) {
  const m = row.mentorship;
  const warn = row.warnings.length > 0;
  return (
    <li>
      <Link to={`/mentorships/${m.id}`} className="list-item mentorship-item">
        <span className="list-title">
          {warn && (
            <span className="warn-mark" role="img" aria-label="Требует внимания">
              !
            </span>
          )}
          {namesLine(row.mentorNames, 2)} <span aria-label="наставляет">→</span> {namesLine(row.menteeNames)}
        </span>
        {m.title && <span className="list-sub mentorship-title">{m.title}</span>}
        <span className="list-sub">
          {row.group ? 'Группа' : 'Пара'} · {row.formName}
        </span>
        <span className="badges">
          <span className={`badge status-${m.status}`}>{mentorshipStatusLabel[m.status]}</span>
          <span className="badge">
            {row.stagesDone}/{STAGE_COUNT} этапов
          </span>
          {row.plan && row.plan.share !== null && !row.warnings.some((w) => w.kind === 'planUnder90' || w.kind === 'planOverdue') && (
            <span className="badge">план {Math.round(row.plan.share * 100)}&nbsp;%</span>
          )}
          {row.warnings.map((w) => (
            <span key={w.kind} className="badge badge-warn">
              {warningText(w)}
            </span>
          ))}
        </span>
      </Link>
    </li>
  );
});
