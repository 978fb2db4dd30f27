import { useState } from 'react';
import { Link } from 'react-router';
import type { DayPair } from '../../domain/mentorDay';
import { formatRuDate } from '../../domain/dates';
import { PHASE_LABELS } from '../../domain/questionnaire';
import { PAIRS_OR_GROUPS, plural } from '../../domain/text';
import { shortName } from '../../domain/person';
import { meetingKindLabel } from '../../i18n/ru';
import { useMentorDay, type MentorRole } from '../../data/home';
import { saveFile } from '../../ui/share';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { InstallOffer } from './InstallOffer';
import { failureReason } from '../../ui/unexpectedErrors';

/**
 * The home of a mentor's phone: the mentor's own pairs and groups, each with what is due, and «Отправить куратору».
 * No school-wide numbers: the phone holds only part of the school, and they would be wrong.
 */
export default function MentorHome({ role }: { role: MentorRole }) {
  const data = useMentorDay(role);
  if (!data) return <Page title="Мои пары">{null}</Page>;
  const name = (id: string) => {
    const p = data.byId.get(id);
    return p ? shortName(p) : '(удалён)';
  };
  return (
    <Page title="Мои пары">
      <p className="muted">
        {data.me ? `${shortName(data.me)}, н` : 'Н'}а этом телефоне — только ваши пары и группы. Показатели школы, приказы и дорожную карту ведёт куратор
        {role.curatorDeviceName ? ` («${role.curatorDeviceName}»)` : ''}.
      </p>
      <InstallOffer />
      <SendToCurator role={role} ids={data.ids} pending={data.pending} />
      {data.day.length === 0 ? (
        <section className="empty-state">
          <h2>Пар пока нет</h2>
          <p>Когда куратор пришлёт файл с вашими парами, откройте его в разделе «Обмен».</p>
          <Link className="button" to="/exchange">
            Открыть файл
          </Link>
        </section>
      ) : (
        <ul className="mentor-day" aria-label="Мои пары и группы">
          {data.day.map((p) => (
            <DayCard key={p.id} pair={p} name={name} />
          ))}
        </ul>
      )}
      {data.others > 0 && (
        <p className="muted">
          Ещё {plural(data.others, PAIRS_OR_GROUPS)} коллег — в разделе{' '}
          <Link to="/mentorships">«Пары»</Link>; куратору они не отправляются.
        </p>
      )}
    </Page>
  );
}

function DayCard({ pair, name }: { pair: DayPair; name: (id: string) => string }) {
  const since =
    pair.daysSince === null
      ? 'встреч ещё не было'
      : pair.daysSince === 0
        ? 'последняя встреча сегодня'
        : `не встречались ${plural(pair.daysSince, { one: 'день', few: 'дня', many: 'дней' })}`;
  return (
    <li className="card-section day-card" aria-label={pair.label}>
      <h2 className="day-title">
        <Link to={`/mentorships/${pair.id}`}>{pair.label}</Link>
      </h2>
      <p className={pair.daysSince === null || pair.daysSince > 30 ? 'day-since day-since-warn' : 'day-since'}>
        {since}
        {pair.nextKind ? ` · дальше: ${meetingKindLabel[pair.nextKind].toLowerCase()}` : ' · итоговая встреча проведена'}
      </p>
      {pair.status === 'active' || pair.status === 'forming' ? (
        <Link className="button button-primary button-block" to={`/mentorships/${pair.id}/meetings/new`}>
          Записать встречу
        </Link>
      ) : null}
      {pair.nextItems.length > 0 && (
        <>
          <h3 className="day-sub">По плану</h3>
          <ul className="day-items">
            {pair.nextItems.map((i) => (
              <li key={i.id}>
                {i.title}
                {i.dueDate && <span className={i.overdue ? 'badge badge-warn' : 'muted'}> {i.overdue ? 'срок прошёл ' : 'до '}{formatRuDate(i.dueDate)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {pair.toFill.length > 0 && (
        <>
          <h3 className="day-sub">Анкеты</h3>
          <ul className="day-items">
            {pair.toFill.map((q) => (
              <li key={`${q.questionnaireId}|${q.phase}`}>
                <Link to={`/questionnaires/${q.questionnaireId}/fill?mentorship=${pair.id}&phase=${q.phase}&respondent=${q.respondentIds[0]}`}>
                  {q.title}
                </Link>{' '}
                <span className="muted">
                  ({q.phase === 'once' ? '' : `${PHASE_LABELS[q.phase]}; `}
                  {q.respondentIds.map(name).join(', ')})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** One tap: a file of what the curator's device has not got of the mentor's own pairs, to the share sheet. */
function SendToCurator({ role, ids, pending }: { role: MentorRole; ids: string[]; pending: { unsent: number; awaiting: number } | null }) {
  const show = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const status =
    pending === null
      ? 'Файл с вашими парами для куратора.'
      : pending.unsent > 0
        ? `Не отправлено: ${plural(pending.unsent, { one: 'запись', few: 'записи', many: 'записей' })}.`
        : pending.awaiting > 0
          ? `Всё отправлено; куратор ещё не прислал ответный файл (${plural(pending.awaiting, { one: 'запись ждёт', few: 'записи ждут', many: 'записей ждут' })} подтверждения).`
          : 'Всё отправлено, у куратора всё есть.';
  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      // The file's code (the encoder, and the import gate that checks the file before it leaves) loads on the tap,
      // not with the home screen (issue 14: the first screen loads no zod).
      const { makeExportFile, noteExport, shareableFile } = await import('../../storage/bundle/exportFile');
      const file = await makeExportFile({ kind: 'mentorships', mentorshipIds: ids }, '', false, role.curatorDeviceId);
      const outcome = await saveFile(file.blob, file.fileName, { title: 'Файл обмена «Наставника» для куратора', shareAs: () => shareableFile(file) });
      if (outcome === 'cancelled') return;
      await noteExport(file);
      show(outcome === 'shared' ? 'Файл передан' : 'Файл сохранён в загрузки');
    } catch (e) {
      setFailure(`Файл не сохранён: ${failureReason(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card-section send-curator" aria-labelledby="send-h">
      <h2 id="send-h">Отправить куратору</h2>
      <p data-testid="pending">{status}</p>
      <button type="button" className="button button-primary button-block" disabled={busy || ids.length === 0} onClick={() => void send()}>
        Отправить куратору
      </button>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
