import type { z } from 'zod';
import type { Stored } from './envelope';
import { blank, placeholder, type TablePersonalData } from './personalData';
import type { planInputSchema, planItemInputSchema } from './plan.schema';

export const PLAN_ITEM_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

/** Each item status in words, as the plan and its documents show it (src/i18n re-exports it as `planItemStatusLabel`). */
export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = {
  planned: 'запланировано',
  inProgress: 'в работе',
  done: 'выполнено',
  cancelled: 'отменено',
};

/** The roadmap calls a plan completed below 90 % a problem. */
export const PLAN_PROBLEM_THRESHOLD = 0.9;

export type PlanFields = z.output<typeof planInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PLAN_PERSONAL_DATA: TablePersonalData<PlanFields> = {
  personal: { title: placeholder('planText') },
  kept: ['mentorshipId', 'approvedByOrderId', 'approvedItemsDigest'],
  action: 'anonymise',
};
export type Plan = Stored<PlanFields>;
export type PlanItemFields = z.output<typeof planItemInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const PLAN_ITEM_PERSONAL_DATA: TablePersonalData<PlanItemFields> = {
  personal: { title: placeholder('planText'), result: blank('planText'), evidence: blank('planText') },
  kept: ['planId', 'dueDate', 'status', 'order'],
  action: 'anonymise',
};
export type PlanItem = Stored<PlanItemFields>;

export interface PlanProgress {
  planned: number;
  done: number;
  /** done ÷ planned (cancelled items do not count); null for a plan with no items. */
  share: number | null;
  problem: boolean;
  overdue: number;
  /**
   * Every counted item's due date has come (none is undated or still ahead): the plan's own end has passed, so «under
   * 90 %» is the roadmap's problem now, not a plan still under way.
   */
  allDue: boolean;
}

export function planProgress(items: readonly Pick<PlanItemFields, 'status' | 'dueDate'>[], today: string): PlanProgress {
  const counted = items.filter((i) => i.status !== 'cancelled');
  const done = counted.filter((i) => i.status === 'done').length;
  const share = counted.length ? done / counted.length : null;
  const overdue = counted.filter((i) => i.status !== 'done' && i.dueDate && i.dueDate < today).length;
  const allDue = counted.length > 0 && counted.every((i) => !!i.dueDate && i.dueDate <= today);
  return { planned: counted.length, done, share, problem: share === null || share < PLAN_PROBLEM_THRESHOLD, overdue, allDue };
}

/**
 * A digest of what an order approved: titles, due dates and statuses other than progress. A later edit of the
 * approved content changes the digest, so the plan shows "changed after approval". Marking items done does not.
 */
export function approvedDigest(items: readonly Pick<PlanItemFields, 'title' | 'dueDate' | 'status'>[]): string {
  const lines = items
    .filter((i) => i.status !== 'cancelled')
    .map((i) => `${i.title.trim()}|${i.dueDate}`)
    .sort();
  return `${lines.length}:${simpleHash(lines.join('\n'))}`;
}

function simpleHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export type ApprovalState = 'draft' | 'approved' | 'changedAfterApproval';

export function approvalState(plan: Pick<PlanFields, 'approvedByOrderId' | 'approvedItemsDigest'>, items: Parameters<typeof approvedDigest>[0]): ApprovalState {
  if (!plan.approvedByOrderId) return 'draft';
  return approvedDigest(items) === plan.approvedItemsDigest ? 'approved' : 'changedAfterApproval';
}
