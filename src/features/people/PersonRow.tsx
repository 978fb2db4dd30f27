import { memo } from 'react';
import { Link } from 'react-router';
import { fullName, needsRepresentative, type Person } from '../../domain/person';
import { categoryLabel, roleLabel, t } from '../../i18n/ru';

/** A participant's row: the link to the card, with the class line and the badges (the list item is the list's). */
export const PersonRow = memo(function PersonRow({
  person: p,
  partnerName,
  noConsent = false,
  consentAge,
}: {
  person: Person;
  partnerName?: string;
  /** No valid consent to personal-data processing: marked wherever people are listed. */
  noConsent?: boolean;
  /** The school's consent age (14 unless the school set another). */
  consentAge?: number;
}) {
  const under = needsRepresentative(p, undefined, consentAge);
  const sub = [p.category === 'student' && p.classLabel ? `${p.classLabel} класс` : categoryLabel[p.category], partnerName]
    .filter(Boolean)
    .join(' · ');
  return (
    <Link to={`/people/${p.id}`} className="list-item">
      <span className="list-title">{fullName(p)}</span>
      <span className="list-sub">{sub}</span>
      <span className="badges">
        {p.roles.map((r) => (
          <span key={r} className={`badge badge-${r}`}>
            {roleLabel[r]}
          </span>
        ))}
        {under === true && (
          <span className="badge badge-warn" title={t.people.under14Hint}>
            {t.people.under14}
          </span>
        )}
        {under === 'unknown' && p.category === 'student' && <span className="badge badge-warn">{t.people.noBirthDate}</span>}
        {noConsent && <span className="badge badge-error">нет согласия</span>}
      </span>
    </Link>
  );
});
