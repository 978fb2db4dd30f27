import type { z } from 'zod';
import type { Stored } from './envelope';
import { placeholder, type TablePersonalData } from './personalData';
import type { recognitionInputSchema } from './recognition.schema';

/** How a school thanks its mentors (docs/DOMAIN.md, «Recognitions»): the usual kinds, and a title such as «Наставник года». */
export const RECOGNITION_KINDS = ['thanks', 'letter', 'certificate', 'title', 'other'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

export const RECOGNITION_KIND_LABELS: Record<RecognitionKind, string> = {
  thanks: 'Благодарность',
  letter: 'Благодарственное письмо',
  certificate: 'Почётная грамота',
  title: 'Звание',
  other: 'Другое поощрение',
};

/** The wording of an order's list: «объявить благодарность», «наградить почётной грамотой». */
const ORDER_WORDING: Record<RecognitionKind, string> = {
  thanks: 'объявить благодарность',
  letter: 'вручить благодарственное письмо',
  certificate: 'наградить почётной грамотой',
  title: 'присвоить звание',
  other: 'поощрить',
};

export type RecognitionFields = z.output<typeof recognitionInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const RECOGNITION_PERSONAL_DATA: TablePersonalData<RecognitionFields> = {
  personal: { title: placeholder('recognitions'), reason: placeholder('recognitions') },
  kept: ['personId', 'kind', 'date', 'orderId'],
  action: 'anonymise',
};
export type Recognition = Stored<RecognitionFields>;

/** «Почётная грамота», «Звание «Наставник года»». */
export function recognitionLabel(r: Pick<RecognitionFields, 'kind' | 'title'>): string {
  if (r.kind === 'title') return `Звание «${r.title.replace(/^«|»$/g, '')}»`;
  if (r.kind === 'other') return r.title;
  return r.title ? `${RECOGNITION_KIND_LABELS[r.kind]}: ${r.title}` : RECOGNITION_KIND_LABELS[r.kind];
}

/** What an order says to do for this mentor: «наградить почётной грамотой», «присвоить звание «Наставник года»». */
export function orderWording(r: Pick<RecognitionFields, 'kind' | 'title'>): string {
  if (r.kind === 'title') return `${ORDER_WORDING.title} «${r.title.replace(/^«|»$/g, '')}»`;
  if (r.kind === 'other') return `${ORDER_WORDING.other}: ${r.title}`;
  return ORDER_WORDING[r.kind];
}

/** The recognitions an order «О поощрении наставников» can still give: live ones no live order has given yet. */
export function recognitionsForOrder<R extends { id: string; deleted?: boolean } & Pick<RecognitionFields, 'orderId' | 'date'>>(
  recognitions: readonly R[],
  liveOrderIds: ReadonlySet<string>,
): R[] {
  return recognitions.filter((r) => !r.deleted && !(r.orderId && liveOrderIds.has(r.orderId))).sort((a, b) => b.date.localeCompare(a.date));
}
