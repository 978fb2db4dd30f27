import { plural } from '../../domain/text';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fullName, needsRepresentative } from '../../domain/person';
import { mentorCapacityOf } from '../../domain/matching/context';
import { ageOn, formatRuDate, todayIso } from '../../domain/dates';
import { peopleRepo } from '../../storage/repositories';
import { useSchool } from '../../data/hooks';
import { usePartner } from '../../data/partners';
import { usePerson, usePersonConsents } from '../../data/people';
import { usePersonErasure } from '../../data/erasure';
import { erasureRequestDefaults } from '../../domain/erasureRequest';
import { PersonMentorships } from './PersonMentorships';
import { EraseDialog } from './EraseDialog';
import { ErasedNotice } from './personErasure';
import { categoryLabel, roleLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToasts } from '../../ui/toastStore';
import { PersonConsents } from '../../ui/PersonConsents';

export function PersonPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const [confirming, setConfirming] = useState(false);
  const [erasing, setErasing] = useState(false);
  const erased = usePersonErasure(id);
  const consents = usePersonConsents(id);
  const person = usePerson(id);
  const school = useSchool();
  const partner = usePartner(person?.partnerId);

  if (person === undefined || erased === undefined) return <Page title="Участник" backTo="/people">{null}</Page>;
  if (person === null)
    return (
      <Page title="Участник" backTo="/people">
        <EmptyState title="Участник не найден">
          <p>Возможно, запись удалили на этом или другом устройстве.</p>
        </EmptyState>
      </Page>
    );

  if (erased)
    return (
      <Page title="Участник, чьи данные уничтожены" backTo="/people">
        <ErasedNotice erased={erased} />
        <dl className="card-fields">
          {[
            ['Категория', categoryLabel[person.category]],
            ...(person.classLabel ? [['Класс', person.classLabel]] : []),
            ['Роль', person.roles.map((r) => roleLabel[r]).join(', ') || 'не указана'],
          ].map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <PersonMentorships personId={person.id} />
      </Page>
    );

  const name = fullName(person);
  const under = needsRepresentative(person, undefined, school?.consentAge);
  const rows: [string, string][] = [
    ['Категория', categoryLabel[person.category]],
    ...(person.classLabel ? ([['Класс', person.classLabel]] as [string, string][]) : []),
    ...(person.birthDate
      ? ([['Дата рождения', `${formatRuDate(person.birthDate)} (${plural(ageOn(person.birthDate, todayIso()), { one: 'год', few: 'года', many: 'лет' })})`]] as [string, string][])
      : []),
    ['Роль', person.roles.map((r) => roleLabel[r]).join(', ') || 'не указана'],
    ...(person.roles.includes('mentor') ? ([['Сколько наставляемых может вести', String(mentorCapacityOf(person))]] as [string, string][]) : []),
    ...(partner ? ([['Партнёр', partner.name]] as [string, string][]) : []),
    ...(person.phone ? ([['Телефон', person.phone]] as [string, string][]) : []),
    ...(person.email ? ([['Электронная почта', person.email]] as [string, string][]) : []),
    ...(person.interests.length ? ([['Интересы', person.interests.join(', ')]] as [string, string][]) : []),
    ...(person.competencies.length ? ([['Компетенции', person.competencies.join(', ')]] as [string, string][]) : []),
    ...(person.notes ? ([['Заметки', person.notes]] as [string, string][]) : []),
  ];

  const remove = async () => {
    setConfirming(false);
    await peopleRepo.remove(person.id);
    show(t.people.deleted(name), { label: t.actions.undo, run: () => void peopleRepo.restore(person.id) });
    navigate('/people', { replace: true });
  };

  return (
    <Page title={name} backTo="/people">
      {under === true && (
        <p className="notice notice-warn" role="note">
          Младше {school?.consentAge ?? 14} лет: {t.people.under14Hint.toLowerCase()}.
        </p>
      )}
      {under === 'unknown' && person.category === 'student' && (
        <p className="notice notice-warn" role="note">
          Не указана дата рождения: нельзя определить, кто подписывает согласие.
        </p>
      )}
      <dl className="card-fields">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <Link className="button button-primary" to={`/people/${person.id}/edit`}>
          {t.actions.edit}
        </Link>
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t.actions.delete}
        </button>
        <Link className="button" to={`/people/${person.id}/data`}>
          Какие данные хранятся
        </Link>
        <button type="button" className="button button-danger" onClick={() => setErasing(true)} disabled={!consents}>
          Уничтожить персональные данные
        </button>
      </div>
      <PersonMentorships personId={person.id} />
      <PersonConsents person={person} />
      <EraseDialog
        open={erasing}
        personId={person.id}
        name={name}
        initial={erasureRequestDefaults({ curatorName: school?.curatorName, consents: consents ?? [], today: todayIso() })}
        onClose={() => setErasing(false)}
      />
      <ConfirmDialog open={confirming} message={t.people.deleteConfirm(name)} onConfirm={remove} onCancel={() => setConfirming(false)} />
    </Page>
  );
}
