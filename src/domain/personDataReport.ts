import { formatRuDate } from './dates';
import { safeFileName } from './consentDocument';
import { longRuDate } from './orderDocument';
import { fullName, type PersonCategory, type PersonRole } from './person';
import type { ConsentSigner } from './consent';
import { MEETING_KIND_LABELS } from './meeting';
import { MENTORSHIP_STATUS_LABELS } from './mentorship';
import { PLAN_ITEM_STATUS_LABELS } from './plan';
import type { PreferenceSide } from './preference';
import { PHASE_LABELS, type Answer, type Question } from './questionnaire';
import { RECOGNITION_KIND_LABELS } from './recognition';
import { SESSION_KIND_LABELS, TRAINING_FORMAT_LABELS } from './training';
import type { EventKind } from './event';
import type { SyncedRecords, SyncedTable } from './syncedTables';
import { normalizeText, plural } from './text';

/**
 * «Какие данные хранятся»: everything this device holds about one person (152-ФЗ, ст. 14 — the subject's right to know
 * what is processed), grouped by what it is, every field and value in Russian. Other people's personal data is left
 * out: a pair's other members, whom the person ranked, who else came to a meeting are counted, not named.
 */
export interface PersonDataReport {
  organisation: string;
  heading: string;
  /** The person, as the report names them. */
  subject: string;
  /** «Сформировано 2 декабря 2026 г.». */
  madeText: string;
  sections: PersonDataSection[];
  /** Sentences under the sections: what is left out, and why. */
  notes: string[];
}

export interface PersonDataSection {
  /** «Карточка участника», «Согласия на обработку персональных данных», … */
  title: string;
  items: PersonDataItem[];
}

export interface PersonDataItem {
  /** The record's own title within the section («Встреча-знакомство, 01.10.2025»); '' for the one record of the card. */
  heading: string;
  fields: [string, string][];
  /** The stored record the item shows, so that copies of it elsewhere on the device can be found. */
  recordIds?: string[];
}

/** Copies this device keeps outside the tables (conflict versions, drafts, undo snapshots): what and how many. */
export interface LocalCopy {
  label: string;
  count: number;
}

/** The records of every synced table (missing tables count as empty). Deleted records are not held data. */
export type PersonDataRecords = { readonly [K in SyncedTable]?: readonly SyncedRecords[K][] };

const CATEGORY: Record<PersonCategory, string> = {
  student: 'обучающийся',
  teacher: 'педагог',
  parent: 'родитель',
  graduate: 'выпускник',
  partnerRep: 'представитель организации-партнёра',
};
const ROLE: Record<PersonRole, string> = { mentor: 'наставник', mentee: 'наставляемый' };
const SIGNER: Record<ConsentSigner, string> = { self: 'сам участник', representative: 'законный представитель' };
const SIDE: Record<PreferenceSide, string> = { mentee: 'наставляемый', mentor: 'наставник' };
const EVENT_KIND: Record<EventKind, string> = { networking: 'нетворкинг', finalGame: 'итоговая деловая игра', other: 'другое мероприятие' };

const live = <T extends { deleted?: boolean }>(rows: readonly T[] | undefined): T[] => (rows ?? []).filter((r) => !r.deleted);
const date = (iso: string) => (iso ? formatRuDate(iso) : '');
/** Keeps the fields that hold something: an empty field is not data held. */
const filled = (fields: [string, string][]): [string, string][] => fields.filter(([, v]) => v.trim() !== '');

function answerText(a: Answer, q: Question | undefined): string {
  if (Array.isArray(a)) return a.join(', ');
  if (typeof a === 'number') return q?.kind === 'scale' ? `${a} из 10` : String(a);
  return a;
}

/** Whether a free text mentions the person: «Семёнова Анна», «Анна Семёнова» or the full name, ё = е, any case. */
export function mentions(text: string, p: { lastName: string; firstName: string; middleName: string }): boolean {
  if (!text.trim() || !p.lastName || !p.firstName) return false;
  const t = normalizeText(text);
  const last = normalizeText(p.lastName);
  const first = normalizeText(p.firstName);
  return t.includes(`${last} ${first}`) || t.includes(`${first} ${last}`);
}

/** Everything held about `personId`; null when there is no such (live) person. */
export function personDataReport(personId: string, records: PersonDataRecords, today: string, localCopies: readonly LocalCopy[] = []): PersonDataReport | null {
  const person = live(records.people).find((p) => p.id === personId);
  if (!person) return null;
  const school = live(records.school)[0];
  const forms = new Map(live(records.mentoringForms).map((f) => [f.id, f.name]));
  const partner = person.partnerId ? live(records.partners).find((x) => x.id === person.partnerId) : undefined;
  const sections: PersonDataSection[] = [];
  const add = (title: string, items: PersonDataItem[]) => {
    if (items.length) sections.push({ title, items });
  };

  add('Карточка участника', [
    {
      heading: '',
      recordIds: [person.id],
      fields: filled([
        ['Фамилия', person.lastName],
        ['Имя', person.firstName],
        ['Отчество', person.middleName],
        ['Категория', CATEGORY[person.category]],
        ['Класс', person.classLabel],
        ['Дата рождения', date(person.birthDate)],
        ['Телефон', person.phone],
        ['Электронная почта', person.email],
        ['Роль в программе', person.roles.map((r) => ROLE[r]).join(', ')],
        ['Сколько наставляемых может вести', person.roles.includes('mentor') && person.mentorCapacity ? String(person.mentorCapacity) : ''],
        ['Организация-партнёр', partner?.name ?? ''],
        ['Интересы', person.interests.join(', ')],
        ['Компетенции', person.competencies.join(', ')],
        ['Заметки', person.notes],
        ['Запись внесена', date(person.createdAt.slice(0, 10))],
      ]),
    },
  ]);

  add(
    'Согласия на обработку персональных данных',
    live(records.consents)
      .filter((c) => c.personId === personId)
      .sort((a, b) => a.signedOn.localeCompare(b.signedOn))
      .map((c) => ({
        heading: `Согласие от ${date(c.signedOn)}`,
        recordIds: [c.id],
        fields: filled([
          ['Дата подписания', date(c.signedOn)],
          ['Кто подписал', SIGNER[c.signer]],
          ['ФИО законного представителя', c.representativeName],
          ['Кем приходится', c.representativeRelation],
          ['Дата отзыва', date(c.withdrawnOn)],
          ['Заметки', c.notes],
        ]),
      })),
  );

  const mentorships = live(records.mentorships).filter((m) => m.mentorIds.includes(personId) || m.menteeIds.includes(personId));
  const ownPairs = new Set(mentorships.map((m) => m.id));
  const pairName = new Map(
    mentorships.map((m) => [m.id, m.title || `${forms.get(m.formId) ?? 'Пара'}${m.startDate ? ` с ${date(m.startDate)}` : ''}`]),
  );
  add(
    'Наставнические пары и группы',
    mentorships.map((m) => {
      const others = m.mentorIds.length + m.menteeIds.length - 1;
      return {
        heading: pairName.get(m.id)!,
        recordIds: [m.id],
        fields: filled([
          ['Роль в паре или группе', m.mentorIds.includes(personId) ? 'наставник' : 'наставляемый'],
          ['Форма наставничества', forms.get(m.formId) ?? ''],
          ['Других участников', others > 0 ? String(others) : ''],
          ['Цель', m.goal],
          ['Статус', MENTORSHIP_STATUS_LABELS[m.status]],
          ['Дата начала', date(m.startDate)],
          ['Плановая дата окончания', date(m.plannedEndDate)],
          ['Дата окончания', date(m.endDate)],
          ['Причина прекращения', m.endReason],
        ]),
      };
    }),
  );

  add(
    'Встречи',
    live(records.meetings)
      .filter((m) => ownPairs.has(m.mentorshipId) || m.attendeeIds.includes(personId) || mentions(`${m.notes}\n${m.nextSteps}`, person))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => ({
        heading: `${MEETING_KIND_LABELS[m.kind]}, ${date(m.date)}`,
        recordIds: [m.id],
        fields: filled([
          ['Пара или группа', pairName.get(m.mentorshipId) ?? 'другая пара (упоминание в заметках)'],
          ['Длительность', m.durationMin ? `${m.durationMin} мин` : ''],
          ['Место', m.place],
          ['Присутствие', m.attendeeIds.length ? (m.attendeeIds.includes(personId) ? 'присутствовал(а)' : 'не отмечен(а) среди присутствующих') : ''],
          ['Заметки', m.notes],
          ['Договорённости', m.nextSteps],
        ]),
      })),
  );

  const plans = live(records.plans).filter((p) => ownPairs.has(p.mentorshipId));
  const items = live(records.planItems);
  add(
    'Индивидуальные планы',
    plans.map((p) => ({
      heading: p.title,
      recordIds: [p.id, ...items.filter((i) => i.planId === p.id).map((i) => i.id)],
      fields: [
        ['Пара или группа', pairName.get(p.mentorshipId) ?? ''],
        ...items
          .filter((i) => i.planId === p.id)
          .sort((a, b) => a.order - b.order)
          .map((i): [string, string] => [
            i.title,
            [PLAN_ITEM_STATUS_LABELS[i.status], i.dueDate && `срок ${date(i.dueDate)}`, i.result && `результат: ${i.result}`, i.evidence && `подтверждение: ${i.evidence}`]
              .filter(Boolean)
              .join('; '),
          ]),
      ],
    })),
  );

  const questionnaires = new Map(live(records.questionnaires).map((q) => [q.id, q]));
  add(
    'Ответы на анкеты',
    live(records.responses)
      .filter((r) => r.respondentId === personId)
      .sort((a, b) => a.answeredOn.localeCompare(b.answeredOn))
      .map((r) => {
        const q = questionnaires.get(r.questionnaireId);
        const questions = new Map((q?.questions ?? []).map((x) => [x.id, x]));
        const order = (q?.questions ?? []).map((x) => x.id);
        const ids = Object.keys(r.answers).sort((a, b) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0));
        return {
          heading: `${q?.title ?? 'Анкета'}, ${date(r.answeredOn)}`,
          recordIds: [r.id],
          fields: [
            ['Этап', PHASE_LABELS[r.phase]] as [string, string],
            ...filled(ids.map((id): [string, string] => [questions.get(id)?.text ?? `Вопрос «${id}»`, answerText(r.answers[id]!, questions.get(id))])),
          ],
        };
      }),
  );

  const events = new Map(live(records.events).map((e) => [e.id, e]));
  const prefs = live(records.preferences);
  const rankedBy = prefs.filter((p) => p.personId !== personId && p.ranked.includes(personId)).length;
  add('Анкеты предпочтений', [
    ...prefs
      .filter((p) => p.personId === personId)
      .map((p) => ({
        heading: `Анкета предпочтений${events.get(p.eventId) ? `: ${events.get(p.eventId)!.title}` : ''}`,
        recordIds: [p.id],
        fields: filled([
          ['Заполнял(а) как', SIDE[p.side]],
          ['Выбрано участников', p.ranked.length ? `${p.ranked.length} (по порядку предпочтения; имена других участников в отчёт не включены)` : ''],
        ]),
      })),
    ...(rankedBy
      ? [{ heading: 'Выбор других участников', fields: [['Назван(а) в анкетах предпочтений других участников', plural(rankedBy, { one: 'раз', few: 'раза', many: 'раз' })]] as [string, string][] }]
      : []),
  ]);

  add(
    'Мероприятия',
    live(records.events)
      .filter((e) => e.attendeeIds.includes(personId))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({ heading: e.title, recordIds: [e.id], fields: filled([['Вид', EVENT_KIND[e.kind]], ['Дата', date(e.date)], ['Место', e.place], ['Участие', 'отмечен(а) среди присутствующих']]) })),
  );

  const groups = live(records.trainingGroups).filter((g) => g.memberIds.includes(personId));
  const groupNames = new Map(live(records.trainingGroups).map((g) => [g.id, g.name]));
  add('Обучение наставников', [
    ...groups.map((g) => ({ heading: `Группа обучения: ${g.name}`, recordIds: [g.id], fields: [['Участие', 'в составе группы']] as [string, string][] })),
    ...live(records.trainingSessions)
      .filter((s) => s.attendeeIds.includes(personId))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((s) => ({
        heading: `${s.topic}, ${date(s.date)}`,
        recordIds: [s.id],
        fields: filled([
          ['Вид', SESSION_KIND_LABELS[s.kind]],
          ['Группа', groupNames.get(s.groupId) ?? ''],
          ['Формат', TRAINING_FORMAT_LABELS[s.format]],
          ['Эксперт', s.expert],
          ['Участие', 'присутствовал(а)'],
        ]),
      })),
  ]);

  const recognitions = live(records.recognitions).filter((r) => r.personId === personId);
  add(
    'Поощрения',
    recognitions
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((r) => ({ heading: `${RECOGNITION_KIND_LABELS[r.kind]}${r.title ? `: ${r.title}` : ''}`, recordIds: [r.id], fields: filled([['Дата', date(r.date)], ['За что', r.reason]]) })),
  );

  add(
    'Лучшие практики (автор)',
    live(records.practices)
      .filter((p) => p.authorIds.includes(personId))
      .map((p) => ({ heading: p.title, recordIds: [p.id], fields: filled([['Учебный год', p.academicYear], ['Описание', p.description], ['Результат', p.result]]) })),
  );

  const ownRecognitions = new Set(recognitions.map((r) => r.id));
  add(
    'Приказы, в которых участник назван',
    live(records.orders)
      .filter((o) => o.mentorshipIds.some((id) => ownPairs.has(id)) || (o.recognitionIds ?? []).some((id) => ownRecognitions.has(id)))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({ heading: `Приказ № ${o.number} от ${date(o.date)}`, recordIds: [o.id], fields: [['Заголовок', o.title]] as [string, string][] })),
  );

  const copies = localCopies.filter((c) => c.count > 0);
  add(
    'Копии на этом устройстве',
    copies.length ? [{ heading: '', fields: copies.map((c): [string, string] => [c.label, plural(c.count, { one: 'запись', few: 'записи', many: 'записей' })]) }] : [],
  );

  return {
    organisation: school?.name ?? '',
    heading: 'Какие персональные данные хранятся',
    subject: `${fullName(person)} (${CATEGORY[person.category]}${person.classLabel ? `, ${person.classLabel}` : ''})`,
    madeText: `Сформировано ${longRuDate(today)}`,
    sections,
    notes: [
      'Сведения хранятся в приложении «Наставник» на устройствах школы и передаются между ними файлами обмена.',
      'Персональные данные других участников (члены той же пары или группы, выбор в анкетах предпочтений) в отчёт не включены: указано только их число.',
    ],
  };
}

/** The stored records the report shows: where to look for their copies (conflict versions, set-aside records). */
export function reportRecordIds(r: PersonDataReport): Set<string> {
  return new Set(r.sections.flatMap((s) => s.items.flatMap((i) => i.recordIds ?? [])));
}

/** «Какие_данные_хранятся_Семёнова_А_2026-12-02.docx». */
export function personDataFileName(p: { lastName: string; firstName: string }, today: string): string {
  return safeFileName(`Какие_данные_хранятся_${p.lastName}_${p.firstName.charAt(0)}_${today}.docx`);
}
