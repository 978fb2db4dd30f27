import { Link } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { attentionItems, countRowWarnings } from '../../domain/attention';
import { consentOverview } from '../../domain/consentStatus';
import { todayIso } from '../../domain/dates';
import { daysBetween } from '../../domain/mentorshipList';
import { DEFAULT_CONSENT_AGE } from '../../domain/person';
import { isOverdue } from '../../domain/roadmap';
import { academicYearOf } from '../../domain/school';
import { getDb } from '../../storage/db';
import { conflictCount } from '../../storage/bundle/conflicts';
import { lastExportAt } from '../../storage/bundle/exchanges';
import { consentsRepo, getSchool } from '../../storage/repositories';
import { roadmapRepo } from '../../storage/yearWork';
import { useMentorshipRows } from '../mentorships/useMentorshipRows';

/**
 * «Требует внимания»: what is due, counted by the same rules as the screens it links to (consents, pairs, roadmap,
 * conflicts, the backup). A lazy chunk of its own, so the overview's first paint does not wait for it.
 */
export default function AttentionPanel() {
  const school = useLiveQuery(() => getSchool().then((s) => s ?? null), []);
  const consents = useLiveQuery(() => consentsRepo.list(), []);
  const roadmap = useLiveQuery(() => roadmapRepo.list(), []);
  const conflicts = useLiveQuery(() => conflictCount(getDb()), []);
  const lastExport = useLiveQuery(() => lastExportAt(getDb()).then((x) => x ?? null), []);
  const pairs = useMentorshipRows();
  if (school === undefined || !consents || !roadmap || conflicts === undefined || lastExport === undefined || !pairs) return null;

  const today = todayIso();
  const items = attentionItems({
    consentsMissing: consentOverview(pairs.people, consents, school?.consentAge ?? DEFAULT_CONSENT_AGE, today).missing.length,
    ...countRowWarnings(pairs.rows),
    overdueRoadmap: roadmap.filter((t) => (!school || t.academicYear === school.academicYear) && isOverdue(t, today)).length,
    conflicts,
    daysSinceBackup: lastExport ? daysBetween(lastExport.slice(0, 10), today) : null,
    hasData: pairs.people.length > 0,
    ...(school && school.academicYear !== academicYearOf(new Date(`${today}T12:00:00`)) ? { yearMismatch: { configured: school.academicYear, current: academicYearOf(new Date(`${today}T12:00:00`)) } } : {}),
  });
  if (pairs.people.length === 0) return null;
  return (
    <section className="card-section attention" aria-labelledby="att-h">
      <h2 id="att-h">Требует внимания</h2>
      {items.length === 0 ? (
        <p className="notice notice-ok">Срочных дел нет: согласия, встречи, планы и дорожная карта в порядке.</p>
      ) : (
        <ul className="list" aria-label="Требует внимания">
          {items.map((i) => (
            <li key={i.id} className="list-item">
              <Link to={i.to}>{i.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
