import { Link } from 'react-router';
import { personLabel } from '../../domain/mentorshipList';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { usePersonMentorshipsAndRecognitions } from '../../data/people';
import { formatRuDate } from '../../domain/dates';
import { recognitionLabel } from '../../domain/recognition';


/** The participant's pairs and groups on their card (with whom, in which role, at which status; each opens), and their recognitions. */
export function PersonMentorships({ personId }: { personId: string }) {
  const data = usePersonMentorshipsAndRecognitions(personId);
  if (!data) return null;
  return (
    <>
      <section className="card-section" aria-labelledby="pairs-h">
        <h2 id="pairs-h">Пары и группы</h2>
        {data.mine.length === 0 ? (
          <p className="muted">Пока ни в одной паре или группе.</p>
        ) : (
          <ul className="list" aria-label="Пары и группы участника">
            {data.mine.map(({ mentorship: m, role }) => (
              <li key={m.id} className="list-item">
                <Link className="list-title" to={`/mentorships/${m.id}`}>
                  {m.title || (role === 'mentor' ? m.menteeIds : m.mentorIds).map((x) => personLabel(data.people, x)).join(', ')}
                </Link>
                <span className="list-sub">
                  {role === 'mentor' ? 'наставник' : 'наставляемый'} · {mentorshipStatusLabel[m.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.recognitions.length > 0 && (
        <section className="card-section" aria-labelledby="rec-h">
          <h2 id="rec-h">Поощрения</h2>
          <ul className="list" aria-label="Поощрения участника">
            {data.recognitions.map((r) => (
              <li key={r.id} className="list-item">
                <span className="list-title">{recognitionLabel(r)}</span>
                <span className="list-sub">
                  {formatRuDate(r.date)} · {r.reason}
                </span>
              </li>
            ))}
          </ul>
          <Link to="/recognitions">Все поощрения</Link>
        </section>
      )}
    </>
  );
}
