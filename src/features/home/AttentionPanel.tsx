import { Link } from 'react-router';
import { attentionCounts, attentionItems, attentionKey } from '../../domain/attention';
import { attentionLine } from './attentionText';
import { todayIso } from '../../domain/dates';
import { DEFAULT_CONSENT_AGE } from '../../domain/person';
import { useErasedPersonIds, useSchool } from '../../data/hooks';
import { useConflictCount, useLastExportAt } from '../../data/exchange';
import { useConsents } from '../../data/consents';
import { useRoadmapTasks } from '../../data/roadmap';
import { useAttentionRows } from '../../data/useAttentionRows';
import type { Person } from '../../domain/person';

/**
 * «Требует внимания»: what is due, counted by the same rules as the screens it links to (consents, pairs, roadmap,
 * conflicts, the backup). A lazy chunk of its own, so the overview's first paint does not wait for it.
 */
export default function AttentionPanel({ people }: { people: readonly Person[] }) {
  const school = useSchool();
  const consents = useConsents();
  const roadmap = useRoadmapTasks();
  const conflicts = useConflictCount();
  const lastExport = useLastExportAt();
  // The pairs' marks from their summaries (kept as meetings and plan items are written), not from every record.
  const rows = useAttentionRows();
  const erased = useErasedPersonIds();
  if (school === undefined || !consents || !roadmap || conflicts === undefined || lastExport === undefined || !rows || !erased) return null;

  if (people.length === 0) return null;
  const items = attentionItems(
    attentionCounts({
      today: todayIso(),
      school: school ? { academicYear: school.academicYear, consentAge: school.consentAge ?? DEFAULT_CONSENT_AGE } : undefined,
      people,
      consents,
      rows,
      roadmap,
      conflicts,
      lastExportAt: lastExport,
      // The erasure records (issue 12): whose data is already destroyed; no clock runs for them.
      erasedPersonIds: erased,
    }),
  );
  return (
    <section className="card-section attention" aria-labelledby="att-h">
      <h2 id="att-h">Требует внимания</h2>
      {items.length === 0 ? (
        <p className="notice notice-ok">Срочных дел нет: согласия, встречи, планы и дорожная карта в порядке.</p>
      ) : (
        <ul className="list" aria-label="Требует внимания">
          {items.map((i) => {
            const { text, to } = attentionLine(i);
            return (
              <li key={attentionKey(i)} className="list-item">
                <Link to={to}>{text}</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
