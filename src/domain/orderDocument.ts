import type { OrderFields } from './order';
import type { MentorshipFields } from './mentorship';
import type { PersonFields } from './person';
import { orderWording, type RecognitionFields } from './recognition';
import { shortName, fullName } from './person';
import { isGroup } from './mentorship';
import { declineFullName } from './names';

/** A plain model of an official document: the DOCX writer and the print view both render this, and tests read it. */
export interface OrderDocument {
  organisation: string;
  heading: 'ПРИКАЗ';
  dateText: string;
  numberText: string;
  place: string;
  title: string;
  preamble: string;
  orders: string[];
  table: { caption: string; columns: string[]; rows: string[][] } | null;
  signature: { role: string; name: string };
}

export interface OrderContext {
  schoolName: string;
  directorName: string;
  curatorName: string;
  academicYear: string;
  mentorships: readonly (MentorshipFields & { id: string })[];
  people: ReadonlyMap<string, Pick<PersonFields, 'lastName' | 'firstName' | 'middleName' | 'classLabel' | 'category'>>;
  formNames: ReadonlyMap<string, string>;
  /** Recognitions by id, for «О поощрении наставников». */
  recognitions?: ReadonlyMap<string, Pick<RecognitionFields, 'personId' | 'kind' | 'title' | 'reason'>>;
}

import { longRuDate } from './dates';
// «5 ноября 2025 г.»: kept in domain/dates (screens use it without the order's name declension).
export { longRuDate } from './dates';

function personLabel(ctx: OrderContext, id: string, long: boolean): string {
  const p = ctx.people.get(id);
  if (!p) return '(участник удалён)';
  const name = long ? fullName(p) : shortName(p);
  return p.category === 'student' && p.classLabel ? `${name}, ${p.classLabel}` : name;
}

/** The table of pairs/groups an order lists: №, form, mentor(s), mentee(s). */
export function mentorshipRows(ctx: OrderContext, ids: readonly string[]): string[][] {
  const byId = new Map(ctx.mentorships.map((m) => [m.id, m]));
  return ids
    .map((id) => byId.get(id))
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m, i) => [
      String(i + 1),
      `${ctx.formNames.get(m.formId) ?? m.formId}${isGroup(m) ? ' (группа)' : ''}`,
      m.mentorIds.map((id) => personLabel(ctx, id, true)).join('; '),
      m.menteeIds.map((id) => personLabel(ctx, id, true)).join('; '),
    ]);
}

export function orderDocument(order: OrderFields, ctx: OrderContext): OrderDocument {
  const rows = mentorshipRows(ctx, order.mentorshipIds);
  // Both sentences that name the curator need the accusative: «возложить на Иванову Марию Сергеевну», «назначить …».
  const named = ctx.curatorName.trim() ? declineFullName(ctx.curatorName, 'accusative') : 'куратора внедрения целевой модели наставничества';
  // «…на Иванову М. П.», not «П..»: the initial's point ends the sentence.
  const curator = named.endsWith('.') ? named.slice(0, -1) : named;
  const base = {
    organisation: ctx.schoolName,
    heading: 'ПРИКАЗ' as const,
    dateText: longRuDate(order.date),
    numberText: `№ ${order.number}`,
    place: '',
    title: order.title,
    signature: { role: 'Директор', name: ctx.directorName },
  };
  const table = rows.length
    ? { caption: 'Список наставнических пар/групп', columns: ['№', 'Форма наставничества', 'Наставник', 'Наставляемый'], rows }
    : null;
  const protocol =
    order.protocolNumber && order.protocolDate
      ? ` и решения педагогического совета (протокол № ${order.protocolNumber} от ${longRuDate(order.protocolDate)})`
      : '';
  switch (order.kind) {
    case 'approvePlans':
      return {
        ...base,
        preamble: `В соответствии с дорожной картой реализации целевой модели наставничества на ${ctx.academicYear} учебный год${protocol}`,
        orders: [
          `Утвердить индивидуальные планы наставнических пар/групп (${rows.length}) согласно списку.`,
          'Наставникам обеспечить реализацию индивидуальных планов в установленные сроки.',
          `Контроль за реализацией индивидуальных планов возложить на ${curator}.`,
          'Контроль за исполнением настоящего приказа оставляю за собой.',
        ],
        table,
      };
    case 'fixMentorships':
      return {
        ...base,
        preamble: `В соответствии с дорожной картой реализации целевой модели наставничества на ${ctx.academicYear} учебный год, по итогам анкетирования участников${protocol}`,
        orders: [
          `Закрепить наставнические пары/группы (${rows.length}) согласно списку.`,
          'Наставникам разработать совместно с наставляемыми индивидуальные планы.',
          `Ответственным за организацию работы наставнических пар/групп назначить ${curator}.`,
          'Контроль за исполнением настоящего приказа оставляю за собой.',
        ],
        table,
      };
    case 'rewardMentors': {
      // An order stored before recognitions existed has no such list.
      const given = (order.recognitionIds ?? []).flatMap((id) => {
        const r = ctx.recognitions?.get(id);
        return r ? [r] : [];
      });
      const listed = given.map((r, i) => [String(i + 1), personLabel(ctx, r.personId, true), orderWording(r), r.reason]);
      return {
        ...base,
        preamble: `За активное участие в реализации целевой модели наставничества в ${ctx.academicYear} учебном году${protocol}`,
        orders: [`Поощрить наставников (${listed.length}) согласно списку.`, 'Контроль за исполнением настоящего приказа оставляю за собой.'],
        table: listed.length ? { caption: 'Список наставников', columns: ['№', 'Наставник', 'Поощрение', 'За что'], rows: listed } : null,
      };
    }
    default:
      return {
        ...base,
        preamble: `В соответствии с дорожной картой реализации целевой модели наставничества на ${ctx.academicYear} учебный год${protocol}`,
        orders: ['Контроль за исполнением настоящего приказа оставляю за собой.'],
        table,
      };
  }
}
