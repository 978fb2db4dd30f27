import { Link } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import type { Meeting } from '../../domain/meeting';
import { meetingLog } from '../../domain/mentorshipList';
import { meetingKindLabel } from '../../i18n/ru';

/** The pair's meetings, newest first; each opens for editing. */
export function MeetingLog({ meetings, memberCount }: { meetings: readonly Meeting[]; memberCount: number }) {
  if (meetings.length === 0) return <p className="muted">Встреч ещё не было. Первая по дорожной карте — встреча-знакомство.</p>;
  return (
    <ul className="list" aria-label="Журнал встреч">
      {meetingLog(meetings).map((m) => (
        <li key={m.id}>
          <Link to={`/meetings/${m.id}`} className="list-item">
            <span className="list-title">
              {formatRuDate(m.date)} · {meetingKindLabel[m.kind]}
            </span>
            <span className="list-sub">
              {[
                m.durationMin ? `${m.durationMin} мин` : '',
                m.place,
                memberCount > 0 ? `присутствовали ${m.attendeeIds.length} из ${memberCount}` : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {m.notes && <span className="list-sub meeting-notes">{m.notes}</span>}
            {m.nextSteps && <span className="list-sub meeting-notes">Договорились: {m.nextSteps}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
