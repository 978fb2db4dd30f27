import { useState } from 'react';
import { Link } from 'react-router';
import { formatRuDate } from '../../domain/dates';
import { DEFAULT_TARGETS, INDICATOR_BASES, targetWording, type Indicator } from '../../domain/monitoring';
import { fullName } from '../../domain/person';
import { STATUS_LABELS } from '../../domain/report';
import { changesByQuestionnaire } from '../../domain/monitoringSnapshot';
import { academicYearMismatch, isSwotEmpty, SWOT_PARTS, swotPoints } from '../../domain/school';
import { MIN_EXPERTS, MIN_SESSIONS_PER_GROUP } from '../../domain/training';
import { saveIndicatorTargets } from '../../storage/yearWork';
import { Page } from '../../ui/Page';
import { useToasts } from '../../ui/toastStore';
import { REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { useMonitoring } from './useMonitoring';
import { Bars } from '../../ui/Bars';
import { PartialSchoolNotice } from '../../ui/PartialSchoolNotice';
import { usePartners } from '../../data/hooks';
import { indicatorMissingLabel } from '../../i18n/ru';

const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toLocaleString('ru-RU')} %`);
const one = (x: number | null) => (x === null ? '—' : x.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${one(Math.abs(x))}`;
const deltaBadge = (x: number | null) => (x === null || Math.abs(x) < 0.05 ? '' : x > 0 ? 'badge-ok' : 'badge-warn');
const BADGE: Record<Indicator['status'], string> = { met: 'badge-ok', atRisk: 'badge-warn', notMet: 'badge-error', noData: '' };

/** «Мониторинг»: every indicator live from the data, its target and status, and the records behind the number. */
export function MonitoringPage() {
  const m = useMonitoring();
  const partners = usePartners();
  if (!m || !partners) return <Page title="Мониторинг" backTo="/more">{null}</Page>;
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const planById = new Map(m.plans.map((p) => [p.id, p]));
  const yearMismatch = academicYearMismatch(m.school.academicYear, m.today);

  const drill = (i: Indicator) =>
    i.missing.slice(0, 50).map((id) => {
      if (i.id === 'partnersWithMentors') return { id, label: partnerName.get(id) ?? id, to: `/partners/${id}` };
      if (i.id === 'plansAt90') {
        const p = planById.get(id);
        return { id, label: p?.title ?? id, to: p ? `/mentorships/${p.mentorshipId}/plan` : '/mentorships' };
      }
      const p = m.byId.get(id);
      return { id, label: p ? fullName(p) : id, to: `/people/${id}` };
    });

  return (
    <Page
      title="Мониторинг"
      backTo="/more"
      actions={
        <Link className="button button-small" to="/report">
          Отчёт
        </Link>
      }
    >
      <p className="muted">
        {m.school.name}, {m.school.academicYear} · на {formatRuDate(m.today)}
      </p>
      <PartialSchoolNotice what="показатели посчитаны только по парам и людям этого телефона и не совпадут со школьными" />
      {yearMismatch && (
        <p className="notice notice-warn" data-testid="year-mismatch">
          Сегодня {formatRuDate(m.today)} — это {yearMismatch.current} учебный год. Показатели считаются за{' '}
          {m.school.academicYear}: записи других лет в них не входят. Начали новый год — смените его в <Link to="/settings">сведениях о школе</Link>.
        </p>
      )}
      <ul className="indicators" aria-label="Показатели">
        {m.indicators.map((i) => (
          <li key={i.id} className="card-section indicator-card" data-indicator={i.id} aria-label={i.title}>
            <h2 className="indicator-title">{i.title}</h2>
            <p className="ind-value">
              <strong data-testid={`value-${i.id}`}>{pct(i.value)}</strong>{' '}
              <span className="muted">
                {i.numerator} из {i.denominator} ·{' '}
                <span data-testid={`target-${i.id}`}>
                  {targetWording(i, pct)}
                  {i.deadline ? ` к ${formatRuDate(i.deadline)}` : ''}
                </span>
              </span>
            </p>
            <div className="indicator-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (i.value ?? 0) * 100)}%` }} />
              <i style={{ left: `${Math.min(100, i.target * 100)}%` }} />
            </div>
            <span className={`badge ${BADGE[i.status]}`} data-testid={`status-${i.id}`}>
              {STATUS_LABELS[i.status]}
            </span>
            {i.missing.length > 0 && (
              <details>
                <summary>
                  {indicatorMissingLabel[i.id]}: {i.missing.length}
                </summary>
                <ul className="drill">
                  {drill(i).map((d) => (
                    <li key={d.id}>
                      <Link to={d.to}>{d.label}</Link>
                    </li>
                  ))}
                  {i.missing.length > 50 && <li className="muted">…и ещё {i.missing.length - 50}</li>}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>

      <section className="card-section" aria-labelledby="year-h">
        <h2 id="year-h">Встречи пар и групп по месяцам</h2>
        <Bars values={m.meetingsByMonth.map((x) => x.count)} labels={m.meetingsByMonth.map((x) => x.label)} />
      </section>

      <section className="card-section" aria-labelledby="tr-h">
        <h2 id="tr-h">Обучение наставников</h2>
        <p data-testid="training-experts">
          Экспертов: {m.training.experts.length} (цель — не меньше {MIN_EXPERTS}) ·{' '}
          <span className={`badge ${m.training.expertsMet ? 'badge-ok' : 'badge-warn'}`}>{m.training.expertsMet ? 'выполнено' : 'пока меньше'}</span>
        </p>
        <p>
          Групп с {MIN_SESSIONS_PER_GROUP} занятиями и больше: {m.training.groups.filter((g) => g.sessionsMet).length} из {m.training.groups.length}.{' '}
          <Link to="/training">Обучение</Link>
        </p>
      </section>

      {m.changes.length > 0 && (
        <section className="card-section" aria-labelledby="q-h">
          <h2 id="q-h">Анкеты: изменение за год</h2>
          <p className="muted">Средние оценки тех, кто ответил и в начале, и в конце года (шкала 1–10).</p>
          {changesByQuestionnaire(m.changes).map((g, _i, all) => (
            <details key={g.questionnaire} className="q-change" open={all.length === 1}>
              <summary>
                <span className="list-title">{g.questionnaire}</span>{' '}
                <span className={`badge ${deltaBadge(g.meanDelta)}`}>{g.meanDelta === null ? 'нет пар ответов' : `в среднем ${signed(g.meanDelta)}`}</span>{' '}
                <span className="muted">n&nbsp;=&nbsp;{g.n}</span>
              </summary>
              <ul className="list" aria-label={`Изменение: ${g.questionnaire}`}>
                {g.items.map((c) => (
                  <li key={c.question} className="list-item">
                    <span className="list-title">{c.question}</span>
                    <span className="list-sub">
                      {one(c.before)} → {one(c.after)}{' '}
                      {c.delta !== null && <span className={`badge ${deltaBadge(c.delta)}`}>{signed(c.delta)}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
          <Link to="/questionnaires">Все анкеты</Link>
        </section>
      )}

      <section className="card-section" aria-labelledby="swot-h">
        <h2 id="swot-h">SWOT-анализ программы</h2>
        {isSwotEmpty(m.school.swot) ? (
          <p className="muted">Не заполнен. Сильные и слабые стороны, возможности и угрозы программы куратор записывает к отчёту за год.</p>
        ) : (
          <dl className="swot">
            {SWOT_PARTS.map((p) => {
              const points = swotPoints(m.school.swot![p.key]);
              return (
                <div key={p.key}>
                  <dt>{p.label}</dt>
                  <dd>{points.length ? <ul>{points.map((x, i) => <li key={i}>{x}</li>)}</ul> : <span className="muted">—</span>}</dd>
                </div>
              );
            })}
          </dl>
        )}
        <Link className="button button-small" to="/monitoring/swot">
          {isSwotEmpty(m.school.swot) ? 'Заполнить' : 'Изменить'}
        </Link>
      </section>

      <Targets current={m.school.indicatorTargets ?? {}} indicators={m.indicators} />
    </Page>
  );
}

/** Where a refused school write's message goes: `indicatorTargets.<id>` under that indicator's input, any other under the form. */
const FORM_ERROR = 'form';
const targetField = (path: string) => (path.startsWith('indicatorTargets.') ? path.slice('indicatorTargets.'.length) : FORM_ERROR);

function Targets({ current, indicators }: { current: Record<string, number>; indicators: Indicator[] }) {
  const show = useToasts((s) => s.show);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicators.map((i) => [i.id, String(Math.round((current[i.id] ?? DEFAULT_TARGETS[i.id]) * 1000) / 10)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Not a react-hook-form form: a refusal's messages go into the same errors as the form's own check.
  const setError = (field: string, { message }: { message?: string }) => setErrors((prev) => ({ ...prev, [field]: prev[field] ?? message ?? '' }));
  return (
    <details className="card-section">
      <summary>Цели показателей</summary>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const out: Record<string, number> = {};
          const errs: Record<string, string> = {};
          for (const i of indicators) {
            const v = Number(values[i.id]?.replace(',', '.'));
            if (!Number.isFinite(v) || v < 0 || v > 100) errs[i.id] = 'Цель: число от 0 до 100';
            else out[i.id] = v / 100;
          }
          setErrors(errs);
          if (Object.keys(errs).length) return;
          void writeOrShowRefusal<Record<string, string>, void>(setError, () => saveIndicatorTargets(out), targetField).then((r) => {
            if (r !== REFUSED) show('Цели сохранены');
          });
        }}
      >
        <p className="muted">По умолчанию — значения дорожной карты. Цели хранятся в профиле школы и передаются с файлом обмена.</p>
        {indicators.map((i) => (
          <div key={i.id} className={`field${errors[i.id] ? ' field-invalid' : ''}`}>
            <label htmlFor={`target-${i.id}`}>{i.title}, %</label>
            <input
              id={`target-${i.id}`}
              inputMode="decimal"
              aria-describedby={`target-${i.id}-base`}
              value={values[i.id] ?? ''}
              onChange={(e) => setValues({ ...values, [i.id]: e.target.value })}
            />
            <p id={`target-${i.id}-base`} className="field-hint">
              % {INDICATOR_BASES[i.id]}
            </p>
            {errors[i.id] && (
              <p className="field-error" role="alert">
                {errors[i.id]}
              </p>
            )}
          </div>
        ))}
        {errors[FORM_ERROR] && (
          <p className="field-error" role="alert">
            {errors[FORM_ERROR]}
          </p>
        )}
        <button type="submit" className="button button-primary">
          Сохранить цели
        </button>
      </form>
    </details>
  );
}
