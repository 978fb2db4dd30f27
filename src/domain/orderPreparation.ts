import type { MentorshipFields } from './mentorship';
import type { OrderFields, OrderKind } from './order';
import { orderInputSchema } from './order.schema';
import type { PlanFields, PlanItemFields, ApprovalState } from './plan';
import { approvalState, approvedDigest } from './plan';
import { formatRuDate } from './dates';
import { safeFileName } from './consentDocument';
import type { OrderContext } from './orderDocument';
import type { PersonFields } from './person';
import { shortName } from './person';
import type { SchoolFields } from './school';
import type { RecognitionFields } from './recognition';

/** Orders that list pairs/groups (and for approvals, their plans): the form asks to tick at least one. */
export const KINDS_WITH_MENTORSHIPS: readonly OrderKind[] = ['fixMentorships', 'approvePlans'];

export function listsMentorships(kind: OrderKind): boolean {
  return KINDS_WITH_MENTORSHIPS.includes(kind);
}

type Live = { id: string; deleted?: boolean };
type MentorshipLike = Live & Pick<MentorshipFields, 'status' | 'mentorIds' | 'menteeIds' | 'formId'>;
type PlanLike = Live & Pick<PlanFields, 'mentorshipId' | 'title' | 'approvedByOrderId' | 'approvedItemsDigest'>;
type ItemLike = Live & Pick<PlanItemFields, 'planId' | 'title' | 'dueDate' | 'status'>;

export interface CandidatePlan {
  id: string;
  title: string;
  /** Items an approval covers: all but cancelled ones. */
  itemCount: number;
  approval: ApprovalState;
  approvedByOrderId: string;
}

export interface OrderCandidate<M> {
  mentorship: M;
  plans: CandidatePlan[];
  itemCount: number;
}

function countedItems<I extends ItemLike>(items: readonly I[]): I[] {
  return items.filter((i) => !i.deleted && i.status !== 'cancelled');
}

export function itemsByPlan<I extends ItemLike>(items: readonly I[]): Map<string, I[]> {
  const out = new Map<string, I[]>();
  for (const i of items) {
    if (i.deleted) continue;
    const list = out.get(i.planId);
    if (list) list.push(i);
    else out.set(i.planId, [i]);
  }
  return out;
}

/**
 * The pairs/groups an order of this kind may cover: those forming or active; for an approval, only those with a
 * plan that has items, each plan with its item count and whether it is approved already.
 */
export function orderCandidates<M extends MentorshipLike>(
  kind: OrderKind,
  mentorships: readonly M[],
  plans: readonly PlanLike[],
  items: readonly ItemLike[],
): OrderCandidate<M>[] {
  const byPlan = itemsByPlan(items);
  const plansOf = new Map<string, CandidatePlan[]>();
  for (const p of plans) {
    if (p.deleted) continue;
    const own = byPlan.get(p.id) ?? [];
    const plan: CandidatePlan = {
      id: p.id,
      title: p.title,
      itemCount: countedItems(own).length,
      approval: approvalState(p, own),
      approvedByOrderId: p.approvedByOrderId,
    };
    const list = plansOf.get(p.mentorshipId);
    if (list) list.push(plan);
    else plansOf.set(p.mentorshipId, [plan]);
  }
  return mentorships
    .filter((m) => !m.deleted && (m.status === 'active' || m.status === 'forming'))
    .map((m) => {
      const withItems = (plansOf.get(m.id) ?? []).filter((p) => p.itemCount > 0);
      return { mentorship: m, plans: withItems, itemCount: withItems.reduce((n, p) => n + p.itemCount, 0) };
    })
    .filter((c) => kind !== 'approvePlans' || c.plans.length > 0);
}

/** The plans an approval order covers: every plan with items of each ticked pair/group. */
export function plansToApprove(mentorshipIds: readonly string[], candidates: readonly OrderCandidate<{ id: string }>[]): string[] {
  const ticked = new Set(mentorshipIds);
  return candidates.filter((c) => ticked.has(c.mentorship.id)).flatMap((c) => c.plans.map((p) => p.id));
}

/** A plan as the order approves it: the order's id and the digest of its items at this moment. */
export function approvedPlan<P extends PlanFields>(plan: P, items: readonly ItemLike[], orderId: string): P {
  return { ...plan, approvedByOrderId: orderId, approvedItemsDigest: approvedDigest(countedItems(items)) };
}

/** The same plan when its approving order is deleted: back to a draft. */
export function unapprovedPlan<P extends PlanFields>(plan: P): P {
  return { ...plan, approvedByOrderId: '', approvedItemsDigest: '' };
}

/**
 * The order form's rules on top of the domain schema: a list for the kinds that need one, a protocol given whole,
 * and no second order with the same number in the same calendar year.
 */
export function orderFormSchema(existing: readonly (Pick<OrderFields, 'number' | 'date'> & { id: string })[], ownId?: string) {
  return orderInputSchema.superRefine((o, ctx) => {
    if (listsMentorships(o.kind) && o.mentorshipIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['mentorshipIds'],
        message: o.kind === 'approvePlans' ? 'Отметьте хотя бы одну пару или группу с планом' : 'Отметьте хотя бы одну пару или группу',
      });
    if (o.kind === 'rewardMentors' && o.recognitionIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['recognitionIds'], message: 'Отметьте хотя бы одно поощрение' });
    if (o.protocolNumber && !o.protocolDate)
      ctx.addIssue({ code: 'custom', path: ['protocolDate'], message: 'Укажите дату протокола' });
    if (o.protocolDate && !o.protocolNumber)
      ctx.addIssue({ code: 'custom', path: ['protocolNumber'], message: 'Укажите номер протокола' });
    const twin = existing.find(
      (e) => e.id !== ownId && e.number.trim().toLocaleLowerCase('ru-RU') === o.number.toLocaleLowerCase('ru-RU') && e.date.slice(0, 4) === o.date.slice(0, 4),
    );
    if (twin)
      ctx.addIssue({ code: 'custom', path: ['number'], message: `Приказ № ${twin.number} уже есть: от ${formatRuDate(twin.date)}` });
  });
}

/** «Приказ_112-од_2025-11-25.docx». */
export function orderFileName(order: Pick<OrderFields, 'number' | 'date'>): string {
  return safeFileName(`Приказ_${order.number.trim()}_${order.date}.docx`);
}

/** «Гетокова Рита Юрьевна» → «Р. Ю. Гетокова», as a signature is printed; names with initials stay as typed. */
export function signatureName(name: string): string {
  const s = name.trim().replace(/\s+/g, ' ');
  if (!s || s.includes('.')) return s;
  const [last, first, middle] = s.split(' ');
  if (!first) return s;
  return [first, middle].filter(Boolean).map((w) => `${w!.charAt(0)}.`).join(' ') + ` ${last}`;
}

/** The preamble as it stands before «ПРИКАЗЫВАЮ:». */
export function preambleText(preamble: string): string {
  const s = preamble.trim();
  return /[,:;.]$/.test(s) ? s : `${s},`;
}

type PersonLike = Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'classLabel' | 'category'>;

/** «Иванова М. П. → Семёнов П., 7Б; Ли А., 7Б»: a pair or group in one line, for lists and checkboxes. */
export function mentorshipLine(m: Pick<MentorshipFields, 'mentorIds' | 'menteeIds'>, people: ReadonlyMap<string, PersonLike>): string {
  const label = (id: string) => {
    const p = people.get(id);
    if (!p) return '(участник удалён)';
    return p.category === 'student' && p.classLabel ? `${shortName(p)}, ${p.classLabel}` : shortName(p);
  };
  return `${m.mentorIds.map(label).join('; ')} → ${m.menteeIds.map(label).join('; ')}`;
}

/** Names of the mentoring forms: the built-in list, then the school's own records (which may rename them). */
export function formNamesOf(
  defaults: readonly { id: string; name: string }[],
  records: readonly { id: string; deleted?: boolean; name?: unknown }[],
): Map<string, string> {
  const out = new Map(defaults.map((f) => [f.id, f.name]));
  for (const r of records) if (!r.deleted && typeof r.name === 'string' && r.name.trim()) out.set(r.id, r.name.trim());
  return out;
}

/** What `orderDocument` needs, from the school profile and the live records. */
export function buildOrderContext(input: {
  school: Pick<SchoolFields, 'name' | 'directorName' | 'curatorName' | 'academicYear'> | undefined;
  mentorships: readonly (MentorshipFields & { id: string })[];
  people: readonly (PersonLike & { id: string })[];
  formNames: ReadonlyMap<string, string>;
  recognitions?: readonly (RecognitionFields & { id: string })[];
}): OrderContext {
  return {
    recognitions: new Map((input.recognitions ?? []).map((r) => [r.id, r])),
    schoolName: input.school?.name ?? '',
    directorName: input.school?.directorName ?? '',
    curatorName: input.school?.curatorName ?? '',
    academicYear: input.school?.academicYear ?? '',
    mentorships: input.mentorships,
    people: new Map(input.people.map((p) => [p.id, p])),
    formNames: input.formNames,
  };
}
