import { DraftNotice } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormErrorSummary';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { earlierFinal, MEETING_KINDS, suggestNextKind, type MeetingFields, type MeetingKind } from '../../domain/meeting';
import { meetingInputSchema } from '../../domain/meeting.schema';
import { meetingDateNotice, personLabel } from '../../domain/mentorshipList';
import { formatRuDate, todayIso } from '../../domain/dates';
import { saveMeeting } from '../../storage/mentorshipWrites';
import { meetingsRepo } from '../../storage/repositories';
import { useMeetingData, useNewMeetingData, type MeetingFormData } from '../../data/mentorships';
import { clearDraft } from '../../storage/drafts';
import { meetingKindLabel, meetingKindShortLabel, t } from '../../i18n/ru';
import { EmptyState, Page } from '../../ui/Page';
import { CheckboxGroup, TextAreaField, TextField } from '../../ui/fields';
import { domainResolver, REFUSED, writeOrShowRefusal } from '../../ui/formResolver';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToasts } from '../../ui/toastStore';

interface MeetingForm {
  kind: MeetingKind;
  date: string;
  durationMin: string;
  place: string;
  attendeeIds: string[];
  notes: string;
  nextSteps: string;
}

/** /mentorships/:id/meetings/new: a new meeting of a pair/group. */
export function NewMeetingPage() {
  const { id = '' } = useParams();
  const data = useNewMeetingData(id);
  return <MeetingPageShell data={data} backTo={`/mentorships/${id}`} title="Новая встреча" />;
}

/** /meetings/:id: a logged meeting, to correct or delete. */
export function EditMeetingPage() {
  const { id = '' } = useParams();
  const data = useMeetingData(id);
  return <MeetingPageShell data={data} backTo={data ? `/mentorships/${data.mentorship.id}` : '/mentorships'} title="Встреча" />;
}

function MeetingPageShell({ data, backTo, title }: { data: MeetingFormData | null | undefined; backTo: string; title: string }) {
  if (data === undefined) return <Page title={title} backTo={backTo}>{null}</Page>;
  if (data === null)
    return (
      <Page title={title} backTo={backTo}>
        <EmptyState title="Не найдено">
          <p>Возможно, запись удалили на этом или другом устройстве.</p>
          <Link to="/mentorships">К парам и группам</Link>
        </EmptyState>
      </Page>
    );
  // Mounted once the data is there, with its starting values, so that a restored draft wins over them.
  return <MeetingFormBody key={data.meeting?.id ?? `new:${data.mentorship.id}`} data={data} backTo={backTo} title={title} />;
}

function MeetingFormBody({ data, backTo, title }: { data: MeetingFormData; backTo: string; title: string }) {
  const navigate = useNavigate();
  const show = useToasts((s) => s.show);
  const { mentorship, meeting, meetings, people } = data;
  const members = [...mentorship.mentorIds, ...mentorship.menteeIds];
  const suggested = suggestNextKind(meetings.filter((x) => x.id !== meeting?.id));
  const initial: MeetingForm = meeting
    ? {
        kind: meeting.kind,
        date: meeting.date,
        durationMin: String(meeting.durationMin),
        place: meeting.place,
        attendeeIds: meeting.attendeeIds,
        notes: meeting.notes,
        nextSteps: meeting.nextSteps,
      }
    : { kind: suggested, date: todayIso(), durationMin: '45', place: '', attendeeIds: members, notes: '', nextSteps: '' };

  const resolver = domainResolver<MeetingForm, typeof meetingInputSchema>(meetingInputSchema, (v) => ({
    ...v,
    mentorshipId: mentorship.id,
    attendeeIds: v.attendeeIds || [],
    durationMin: v.durationMin === '' ? undefined : v.durationMin,
  }));
  const form = useForm<MeetingForm, unknown, MeetingFields>({ defaultValues: initial, resolver });
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const draftKey = meeting ? `meeting:${meeting.id}` : `meeting:new:${mentorship.id}`;
  const draft = useFormDraft(draftKey, form);
  // A keystroke just before «Сохранить» leaves a debounced draft write pending: clear once more when the form
  // is gone, after that write, so the next new meeting does not open with the old notes.
  const done = useRef(false);
  useEffect(() => () => void (done.current && clearDraft(draftKey)), [draftKey]);
  const kind = watch('kind');
  const secondFinal = earlierFinal(meetings.filter((x) => x.id !== meeting?.id), kind);
  const dateNotice = meetingDateNotice(watch('date'), mentorship);
  const [moveStart, setMoveStart] = useState(true);

  const onSubmit = handleSubmit(async (fields) => {
    const moveStartTo = moveStart && dateNotice?.code === 'before-start' ? fields.date : undefined;
    if ((await writeOrShowRefusal(setError, () => saveMeeting(fields, meeting?.id, { moveStartTo }))) === REFUSED) return;
    done.current = true;
    await draft.clear();
    show(meeting ? 'Встреча сохранена' : `Записано: ${meetingKindLabel[fields.kind].toLowerCase()}`);
    navigate(`/mentorships/${mentorship.id}`, { replace: true });
  });

  const remove = async () => {
    if (!meeting) return;
    await meetingsRepo.remove(meeting.id);
    done.current = true;
    await draft.clear();
    show('Встреча удалена', { label: t.actions.undo, run: () => void meetingsRepo.restore(meeting.id) });
    navigate(`/mentorships/${mentorship.id}`, { replace: true });
  };

  const names = members.map((pid) => personLabel(people, pid));
  return (
    <Page title={title} backTo={backTo}>
      <p className="muted meeting-for">
        {mentorship.mentorIds.map((x) => personLabel(people, x)).join('; ')} → {mentorship.menteeIds.map((x) => personLabel(people, x)).join('; ')}
      </p>
      <DraftNotice
        restored={draft.restored}
        message="Восстановлен несохранённый черновик этой встречи."
        onDiscard={async () => {
          await draft.discard();
          reset(initial);
        }}
      />
      <form onSubmit={onSubmit} noValidate className="form">
        <fieldset className="field segmented-field">
          <legend>Вид встречи</legend>
          <div className="segmented">
            {MEETING_KINDS.map((k) => (
              <label key={k} className="segment">
                <input type="radio" value={k} {...register('kind')} aria-label={meetingKindLabel[k]} />
                <span aria-hidden="true">{meetingKindShortLabel[k]}</span>
              </label>
            ))}
          </div>
          <p className="field-hint" aria-live="polite">
            {meetingKindLabel[kind] ?? ''}
            {kind === suggested ? ' — по пройденным этапам' : ` (по этапам следующая: ${meetingKindLabel[suggested].toLowerCase()})`}
          </p>
          {secondFinal && (
            <p className="notice notice-warn" data-testid="second-final">
              Итоговая встреча уже записана {formatRuDate(secondFinal)}. Если пара встретилась ещё раз, отметьте «{meetingKindLabel.work}».
            </p>
          )}
          {errors.kind?.message && (
            <p className="field-error" role="alert">
              {errors.kind.message}
            </p>
          )}
        </fieldset>
        <div className="field-pair">
          <TextField label="Дата" type="date" required error={errors.date?.message} {...register('date')} />
          <TextField label="Минут" type="number" inputMode="numeric" min={0} max={600} step={5} error={errors.durationMin?.message} {...register('durationMin')} />
        </div>
        {dateNotice && (
          <div className="notice notice-warn" role="status">
            {dateNotice.code === 'before-start' ? (
              <>
                <p>Встреча раньше начала работы пары ({formatRuDate(dateNotice.startDate)}). Проверьте дату.</p>
                <label className="checkbox">
                  <input type="checkbox" checked={moveStart} onChange={(e) => setMoveStart(e.target.checked)} /> Перенести начало работы на дату встречи
                </label>
              </>
            ) : (
              <p>Встреча позже окончания работы пары ({formatRuDate(dateNotice.endDate)}). Проверьте дату.</p>
            )}
          </div>
        )}
        <TextField label="Место" placeholder="например, каб. 21" autoComplete="off" error={errors.place?.message} {...register('place')} />
        <CheckboxGroup legend="Присутствовали" error={errors.attendeeIds?.message}>
          {members.map((pid, i) => (
            <label key={pid} className="checkbox">
              <input type="checkbox" value={pid} {...register('attendeeIds')} /> {names[i]}
            </label>
          ))}
        </CheckboxGroup>
        <TextAreaField label="Заметки" rows={4} placeholder="Что обсудили, что получилось" error={errors.notes?.message} {...register('notes')} />
        <TextAreaField label="Договорённости, следующие шаги" placeholder="Что сделать к следующей встрече" error={errors.nextSteps?.message} {...register('nextSteps')} />
        <FormFooter errors={errors} onCancel={() => navigate(backTo)} submitting={isSubmitting} />
      </form>
      {meeting && (
        <div className="button-row">
          <button type="button" className="button button-danger" onClick={() => void remove()}>
            Удалить встречу
          </button>
        </div>
      )}
    </Page>
  );
}
