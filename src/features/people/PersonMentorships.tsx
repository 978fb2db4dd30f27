import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { mentorshipsOfPerson, personLabel } from '../../domain/mentorshipList';
import { mentorshipStatusLabel } from '../../i18n/ru';
import { mentorshipsRepo, peopleRepo } from '../../storage/repositories';

/** The participant's pairs and groups on their card: with whom, in which role, at which status; each opens. */
export function PersonMentorships({ personId }: { personId: string }) {
  const data = useLiveQuery(async () => {
    const [asMentor, asMentee] = await Promise.all([mentorshipsRepo.listWhere('mentorIds', personId), mentorshipsRepo.listWhere('menteeIds', personId)]);
    const mine = mentorshipsOfPerson(personId, [...new Map([...asMentor, ...asMentee].map((m) => [m.id, m])).values()]);
    const ids = [...new Set(mine.flatMap(({ mentorship: m }) => [...m.mentorIds, ...m.menteeIds]))];
    return { mine, people: new Map((await peopleRepo.getMany(ids)).map((p) => [p.id, p])) };
  }, [personId]);
  if (!data) return null;
  return (
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
  );
}
