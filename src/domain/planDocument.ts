import { formatRuDate } from './dates';
import { isGroup, type MentorshipFields } from './mentorship';
import { fullName, type PersonFields } from './person';
import type { PlanFields, PlanItemFields } from './plan';
import { PLAN_ITEM_STATUS_LABELS, planProgress } from './plan';
import { safeFileName } from './consentDocument';

type PersonLike = Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'classLabel' | 'category'>;

/** An individual plan as it is printed and signed: the same model for the print view and the DOCX. */
export interface PlanDocument {
  organisation: string;
  heading: string;
  /** «Утверждён приказом № 125-од от 14.11.2025», or '' for a draft. */
  approval: string;
  /** Label and value lines under the heading: the pair, its form, mentor(s), mentee(s), goal, term. */
  facts: [string, string][];
  table: { columns: string[]; rows: string[][] };
  /** «Выполнено 2 из 3 (67 %)». */
  progress: string;
  signatures: { role: string; name: string }[];
}

const person = (people: ReadonlyMap<string, PersonLike>, id: string) => {
  const p = people.get(id);
  if (!p) return '(участник удалён)';
  return p.category === 'student' && p.classLabel ? `${fullName(p)}, ${p.classLabel}` : fullName(p);
};

export function planDocument(input: {
  schoolName: string;
  curatorName: string;
  plan: Pick<PlanFields, 'title'>;
  items: readonly Pick<PlanItemFields, 'title' | 'dueDate' | 'status' | 'result' | 'order'>[];
  mentorship: Pick<MentorshipFields, 'title' | 'mentorIds' | 'menteeIds' | 'goal' | 'startDate' | 'plannedEndDate'>;
  formName: string;
  people: ReadonlyMap<string, PersonLike>;
  approvedBy?: { number: string; date: string };
  today: string;
}): PlanDocument {
  const m = input.mentorship;
  const group = isGroup(m);
  const term = [m.startDate && `с ${formatRuDate(m.startDate)}`, m.plannedEndDate && `по ${formatRuDate(m.plannedEndDate)}`].filter(Boolean).join(' ');
  const facts: [string, string][] = [
    ...(m.title ? ([[group ? 'Группа' : 'Пара', m.title]] as [string, string][]) : []),
    ['Форма наставничества', input.formName],
    [m.mentorIds.length > 1 ? 'Наставники' : 'Наставник', m.mentorIds.map((id) => person(input.people, id)).join('; ')],
    [m.menteeIds.length > 1 ? 'Наставляемые' : 'Наставляемый', m.menteeIds.map((id) => person(input.people, id)).join('; ')],
    ...(m.goal ? ([['Цель', m.goal]] as [string, string][]) : []),
    ...(term ? ([['Срок', term]] as [string, string][]) : []),
  ];
  const items = [...input.items].sort((a, b) => a.order - b.order);
  const p = planProgress(items, input.today);
  return {
    organisation: input.schoolName,
    heading: input.plan.title || 'Индивидуальный план',
    approval: input.approvedBy ? `Утверждён приказом № ${input.approvedBy.number} от ${formatRuDate(input.approvedBy.date)}` : '',
    facts,
    table: {
      columns: ['№', 'Что сделать', 'Срок', 'Отметка о выполнении'],
      rows: items.map((i, n) => [String(n + 1), i.title, i.dueDate ? formatRuDate(i.dueDate) : '', [PLAN_ITEM_STATUS_LABELS[i.status], i.result].filter(Boolean).join(': ')]),
    },
    progress: p.share === null ? 'Пунктов пока нет' : `Выполнено ${p.done} из ${p.planned} (${Math.round(p.share * 100)}\u00a0%)`,
    signatures: [
      ...m.mentorIds.map((id) => ({ role: 'Наставник', name: person(input.people, id) })),
      ...m.menteeIds.map((id) => ({ role: 'Наставляемый', name: person(input.people, id) })),
      { role: 'Куратор', name: input.curatorName },
    ],
  };
}

/** «Индивидуальный_план_Семёнова_А_2025-11-20.docx». */
export function planFileName(doc: Pick<PlanDocument, 'heading'>, today: string): string {
  return safeFileName(`${doc.heading.replace(/\s+/g, '_').slice(0, 60)}_${today}.docx`);
}
