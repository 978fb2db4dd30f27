import { Link } from 'react-router';
import { consentDeadline, consentOverview, percentText, programParticipants } from '../../domain/consentStatus';
import { longRuDate, todayIso } from '../../domain/dates';
import { DEFAULT_CONSENT_AGE, fullName } from '../../domain/person';
import { plural } from '../../domain/text';
import { categoryLabel, missingConsentLabel } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { useErasedPersonIds, useMentorships, usePeople, useSchool } from '../../data/hooks';
import { useConsents } from '../../data/consents';

const TITLE = 'Согласия на обработку данных';

/** The roadmap's consent indicator (100 % by the end of October) and who still lacks a valid consent. */
export function ConsentsPage() {
  const people = usePeople();
  const consents = useConsents();
  const school = useSchool();
  const mentorships = useMentorships();
  const erased = useErasedPersonIds();
  if (!people || !consents || !mentorships || !erased) return <Page title={TITLE}>{null}</Page>;

  if (people.length === 0)
    return (
      <Page title={TITLE}>
        <EmptyState title="Пока нет участников">
          <p>Согласия оформляются на каждого наставника и наставляемого. Сначала добавьте участников.</p>
          <div className="button-row">
            <Link className="button button-primary" to="/people/new">
              Добавить участника
            </Link>
          </div>
        </EmptyState>
      </Page>
    );

  const age = school?.consentAge ?? DEFAULT_CONSENT_AGE;
  const today = todayIso();
  // The programme's participants, as the indicator counts them: a parent who only signed for a child is not one.
  // Someone whose data was destroyed is asked for nothing: only anonymous facts of them remain.
  const o = consentOverview(
    programParticipants(people, mentorships).filter((p) => !erased.has(p.id)),
    consents,
    age,
    today,
  );
  const collator = new Intl.Collator('ru-RU');
  const missing = [...o.missing].sort((a, b) => collator.compare(fullName(a.person), fullName(b.person)));
  const deadline = school ? consentDeadline(school.academicYear) : '';
  const late = !!deadline && today > deadline && o.valid < o.total;

  return (
    <Page title={TITLE}>
      <section className="indicator" aria-labelledby="consent-share">
        <p className="indicator-value" id="consent-share" data-testid="consent-share">
          {percentText(o.share)}
        </p>
        <p className="indicator-text">
          участников с действующим согласием: {o.valid} из {o.total}
        </p>
        <meter className="indicator-bar" min={0} max={o.total} low={o.total - 0.5} high={o.total - 0.5} optimum={o.total} value={o.valid} aria-label="Доля участников с согласием" />
        <p className={late ? 'notice notice-warn' : 'muted'}>
          Цель дорожной карты — 100 % {deadline ? `к ${longRuDate(deadline)}` : 'к концу октября.'}
          {late ? ' Срок прошёл: оформите оставшиеся согласия.' : ''}
        </p>
      </section>

      <h2>{o.missing.length ? `Без согласия: ${plural(o.missing.length, { one: 'участник', few: 'участника', many: 'участников' })}` : 'Без согласия'}</h2>
      {missing.length === 0 ? (
        <EmptyState title="У всех участников есть согласие">
          <p>Цель по согласиям выполнена. Новые участники появятся здесь, пока согласие на них не оформлено.</p>
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Участники без согласия">
          {missing.map(({ person: p, reason, underAge }) => (
            <li key={p.id} className="row-with-action">
              <Link to={`/people/${p.id}`} className="list-item">
                <span className="list-title">{fullName(p)}</span>
                <span className="list-sub">
                  {p.category === 'student' && p.classLabel ? `${p.classLabel} класс` : categoryLabel[p.category]}
                  {reason !== 'none' ? ` · ${missingConsentLabel[reason]}` : ''}
                </span>
                <span className="badges">
                  {underAge === true && <span className="badge badge-warn">до {age} лет — нужен представитель</span>}
                  {underAge === 'unknown' && <span className="badge badge-warn">нет даты рождения</span>}
                </span>
              </Link>
              <Link className="button button-small button-primary" to={`/people/${p.id}/consent/new?from=consents`} aria-label={`Оформить согласие: ${fullName(p)}`}>
                Оформить
              </Link>
            </li>
          ))}
        </ul>
      )}

      {o.covered.length > 0 && (
        <details className="covered">
          <summary>С согласием: {o.covered.length}</summary>
          <ul className="list" aria-label="Участники с согласием">
            {[...o.covered]
              .sort((a, b) => collator.compare(fullName(a), fullName(b)))
              .map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`} className="list-item">
                    <span className="list-title">{fullName(p)}</span>
                    <span className="list-sub">{p.category === 'student' && p.classLabel ? `${p.classLabel} класс` : categoryLabel[p.category]}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </details>
      )}
    </Page>
  );
}
