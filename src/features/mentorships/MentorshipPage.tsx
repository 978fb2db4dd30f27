import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { daysSinceLastMeeting } from '../../domain/meeting';
import { isGroup } from '../../domain/mentorship';
import { pairHeading, personLabel, rowWarnings, timelineOf } from '../../domain/mentorshipList';
import { formatRuDate, todayIso } from '../../domain/dates';
import { planProgress } from '../../domain/plan';
import { mentorshipStatusLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/toastStore';
import { MeetingLog } from './MeetingLog';
import { PlanSummary } from './PlanSummary';
import { StageTimeline } from './StageTimeline';
import { StatusActions } from './StatusActions';
import { removeMentorship, restoreMentorship } from '../../storage/mentorshipWrites';
import { useMentorshipDetails } from '../../data/mentorships';
import { useMentoringForms } from '../../data/useMentoringForms';
import { warningText } from './MentorshipRow';

export function MentorshipPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const data = useMentorshipDetails(id);
  const forms = useMentoringForms();
  const [confirming, setConfirming] = useState(false);

  if (data === undefined) return <Page title="Пара или группа" backTo="/mentorships">{null}</Page>;
  if (data === null)
    return (
      <Page title="Пара или группа" backTo="/mentorships">
        <EmptyState title="Пара или группа не найдена">
          <p>Возможно, её удалили на этом или другом устройстве.</p>
          <Link to="/mentorships">К списку пар и групп</Link>
        </EmptyState>
      </Page>
    );

  const { mentorship: m, people, meetings, plans, items, orders, noConsent } = data;
  const today = todayIso();
  const group = isGroup(m);
  // Titled by its people («Петров И. С. → Семёнова А.», «… → группа из 5»); its own title stands under the header.
  const title = pairHeading(m, people);
  const formName = forms?.find((f) => f.id === m.formId)?.name ?? m.formId;
  const progress = items.length ? planProgress(items, today) : null;
  const warnings = rowWarnings(m, daysSinceLastMeeting(meetings, today), progress, today).filter((w) => w.kind !== 'planUnder90' && w.kind !== 'planOverdue');

  const members = (ids: readonly string[]): ReactNode => (
    <ul className="members">
      {ids.map((pid) => (
        <li key={pid}>
          {people.has(pid) ? <Link to={`/people/${pid}`}>{personLabel(people, pid)}</Link> : personLabel(people, pid)}
          {noConsent.has(pid) && <span className="badge badge-error">нет согласия</span>}
        </li>
      ))}
    </ul>
  );

  const dates: [string, string][] = [
    ...(m.startDate ? ([['Начало', formatRuDate(m.startDate)]] as [string, string][]) : []),
    ...(m.plannedEndDate ? ([['Плановое окончание', formatRuDate(m.plannedEndDate)]] as [string, string][]) : []),
    ...(m.endDate ? ([[m.status === 'interrupted' ? 'Прервана' : 'Окончание', formatRuDate(m.endDate)]] as [string, string][]) : []),
    ...(m.endReason ? ([[m.status === 'interrupted' ? 'Причина' : 'Итог', m.endReason]] as [string, string][]) : []),
  ];

  const remove = async () => {
    setConfirming(false);
    const removed = await removeMentorship(m.id);
    show(`${group ? 'Группа удалена' : 'Пара удалена'}`, { label: t.actions.undo, run: () => void restoreMentorship(removed) });
    navigate('/mentorships', { replace: true });
  };

  return (
    <Page
      title={title}
      backTo="/mentorships"
      actions={
        <Link className="button button-small" to={`/mentorships/${m.id}/edit`}>
          {t.actions.edit}
        </Link>
      }
    >
      {m.title && !title.startsWith(m.title.trim()) && <h2 className="mentorship-fulltitle">{m.title}</h2>}
      <p className="mentorship-head">
        <span className={`badge status-${m.status}`} data-testid="mentorship-status">
          {mentorshipStatusLabel[m.status]}
        </span>{' '}
        <span className="muted">
          {group ? 'Группа' : 'Пара'} · {formName}
        </span>
      </p>
      {warnings.map((w) => (
        <p key={w.kind} className="notice notice-warn" role="note">
          Внимание: {warningText(w)}. Договоритесь о встрече.
        </p>
      ))}
      {m.status === 'forming' || m.status === 'active' ? (
        <Link className="button button-primary button-block button-big" to={`/mentorships/${m.id}/meetings/new`}>
          Записать встречу
        </Link>
      ) : (
        <p className="muted">
          {m.status === 'finished' ? 'Работа пары завершена' : 'Работа прервана'}
          {m.endDate ? ` ${m.endDate.split('-').reverse().join('.')}` : ''}: новые встречи не записываются.
        </p>
      )}

      <dl className="card-fields card-section">
        <div>
          <dt>{m.mentorIds.length > 1 ? 'Наставники' : 'Наставник'}</dt>
          <dd>{members(m.mentorIds)}</dd>
        </div>
        <div>
          <dt>{m.menteeIds.length > 1 ? 'Наставляемые' : 'Наставляемый'}</dt>
          <dd>{members(m.menteeIds)}</dd>
        </div>
        {m.goal && (
          <div>
            <dt>Цель</dt>
            <dd className="pre-line">{m.goal}</dd>
          </div>
        )}
        {dates.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <StatusActions mentorship={m} />

      <section className="card-section" aria-labelledby="stages-h">
        <h2 id="stages-h">Этапы</h2>
        <StageTimeline stages={timelineOf(meetings)} />
      </section>

      <section className="card-section" aria-labelledby="plan-h">
        <h2 id="plan-h">Индивидуальный план</h2>
        <PlanSummary mentorshipId={m.id} plans={plans} items={items} orders={orders} />
      </section>

      <section className="card-section" aria-labelledby="log-h">
        <h2 id="log-h">Журнал встреч</h2>
        <MeetingLog meetings={meetings} memberCount={m.mentorIds.length + m.menteeIds.length} />
      </section>

      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {group ? 'Удалить группу' : 'Удалить пару'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        message={`Удалить ${group ? 'группу' : 'пару'} вместе с журналом встреч и планом? Удаление дойдёт до других устройств при обмене.`}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
    </Page>
  );
}
