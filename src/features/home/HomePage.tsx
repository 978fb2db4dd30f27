import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { needsRepresentative } from '../../domain/person';
import { plural } from '../../domain/text';
import { isMet, mentorShares, share, type ShareIndicator } from '../../domain/indicators';
import { Page } from '../../ui/Page';
import { InstallOffer } from './InstallOffer';
import { useDeviceRole } from '../../data/useDeviceRole';
import { usePartners, usePeople, useSchool } from '../../data/hooks';

const attentionChunk = () => import('./AttentionPanel');
const AttentionPanel = lazy(attentionChunk);
const MentorHome = lazy(() => import('./MentorHome'));

function IndicatorRow({ label, indicator }: { label: string; indicator: ShareIndicator }) {
  const s = share(indicator);
  const pct = s === null ? '—' : `${(s * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}\u00a0%`;
  return (
    <div>
      <dt>
        {label} (цель ≥ {indicator.target * 100}&nbsp;%)
      </dt>
      <dd>
        {indicator.numerator} из {indicator.denominator} — {pct}{' '}
        <span className={`badge ${isMet(indicator) ? 'badge-mentee' : 'badge-warn'}`}>{isMet(indicator) ? 'выполнено' : 'пока ниже цели'}</span>
      </dd>
    </div>
  );
}

/**
 * The first screen: on the curator's device, the school's year; on a mentor's phone, the mentor's own pairs (the
 * phone holds only part of the school, so school-wide numbers there would be wrong).
 */
export function HomePage() {
  const role = useDeviceRole();
  // The overview's reads start with the role's, not after it (one round trip less on a cold start, issue 14); on a
  // mentor's phone they are small — it holds only the people of its own pairs.
  const school = useSchool();
  const people = usePeople();
  const partners = usePartners();
  if (!role) return <Page title="Обзор">{null}</Page>;
  if (role.kind === 'mentor')
    return (
      <Suspense fallback={<Page title="Мои пары">{null}</Page>}>
        <MentorHome role={role} />
      </Suspense>
    );
  return <SchoolOverview school={school} people={people} partners={partners} />;
}

/** Where the year stands, in the roadmap's first numbers, and what to do next. */
function SchoolOverview({
  school,
  people,
  partners,
}: {
  school: ReturnType<typeof useSchool>;
  people: ReturnType<typeof usePeople>;
  partners: ReturnType<typeof usePartners>;
}) {
  // The panel's chunk loads while the numbers are read, not after they are painted (the import runs once).
  void attentionChunk();
  if (!people || !partners) return <Page title="Обзор">{null}</Page>;

  const mentors = people.filter((p) => p.roles.includes('mentor'));
  const mentees = people.filter((p) => p.roles.includes('mentee'));
  const shares = school ? mentorShares(people, school) : null;
  const under14 = people.filter((p) => needsRepresentative(p, undefined, school?.consentAge) === true).length;

  return (
    <Page title="Обзор">
      {school && (
        <p className="muted">
          {school.name}, {school.academicYear} учебный год
        </p>
      )}
      <ul className="stats" aria-label="Основные числа">
        <li>
          <Link to="/people?role=mentor">
            <strong>{mentors.length}</strong> {plural(mentors.length, { one: 'наставник', few: 'наставника', many: 'наставников' }).replace(/^\d+ /, '')}
          </Link>
        </li>
        <li>
          <Link to="/people?role=mentee">
            <strong>{mentees.length}</strong> наставляемых
          </Link>
        </li>
        <li>
          <Link to="/partners">
            <strong>{partners.length}</strong> {plural(partners.length, { one: 'партнёр', few: 'партнёра', many: 'партнёров' }).replace(/^\d+ /, '')}
          </Link>
        </li>
        <li>
          <Link to="/people?age=under">
            <strong>{under14}</strong> младше {school?.consentAge ?? 14} лет
          </Link>
        </li>
      </ul>
      <InstallOffer />
      <Suspense fallback={null}>
        <AttentionPanel people={people} />
      </Suspense>
      {shares && (
        <section aria-labelledby="ind-h">
          <h2 id="ind-h">Показатели дорожной карты</h2>
          <dl className="card-fields">
            <IndicatorRow label="Наставники среди обучающихся" indicator={shares.students} />
            <IndicatorRow label="Наставники среди педагогов" indicator={shares.teachers} />
          </dl>
          <p className="button-row">
            <Link className="button" to="/monitoring">
              Все показатели
            </Link>
            <Link className="button" to="/roadmap">
              Дорожная карта
            </Link>
          </p>
        </section>
      )}
      {people.length === 0 && (
        <section className="empty-state" aria-labelledby="next-h">
          <h2 id="next-h">С чего начать</h2>
          <ol>
            <li>Загрузите списки классов или добавьте участников — это база наставников и наставляемых (сентябрь).</li>
            <li>Отметьте, кто наставник, а кто наставляемый.</li>
            <li>Добавьте организации-партнёры (октябрь).</li>
          </ol>
          <Link className="button button-primary" to="/people/import">
            Загрузить список класса
          </Link>
        </section>
      )}
    </Page>
  );
}
