import type { z } from 'zod';
import type { IsoDate } from './dates';
import type { Stored } from './envelope';
import { CONSENT_PERSONAL_DATA } from './consent';
import { EVENT_PERSONAL_DATA } from './event';
import { MATERIAL_PERSONAL_DATA } from './material';
import { MEETING_PERSONAL_DATA } from './meeting';
import { MENTORING_FORM_PERSONAL_DATA } from './mentoringForm';
import { MENTORSHIP_PERSONAL_DATA } from './mentorship';
import { ORDER_PERSONAL_DATA } from './order';
import { PARTNER_PERSONAL_DATA } from './partner';
import { PERSON_PERSONAL_DATA } from './person';
import { PLAN_ITEM_PERSONAL_DATA, PLAN_PERSONAL_DATA } from './plan';
import { PRACTICE_PERSONAL_DATA } from './practice';
import { PREFERENCE_PERSONAL_DATA } from './preference';
import { QUESTIONNAIRE_PERSONAL_DATA, RESPONSE_PERSONAL_DATA } from './questionnaire';
import { RECOGNITION_PERSONAL_DATA } from './recognition';
import { ROADMAP_TASK_PERSONAL_DATA } from './roadmap';
import { SCHOOL_PERSONAL_DATA } from './school';
import { TRAINING_GROUP_PERSONAL_DATA, TRAINING_SESSION_PERSONAL_DATA } from './training';
import { DATA_CATEGORIES, DATA_CATEGORY_LABELS, ERASED_FIRST_NAME, ERASED_LAST_NAME, type DataCategory, type TablePersonalData } from './personalData';
import type { SyncedTable } from './syncedTables';
import type { erasureInputSchema } from './erasure.schema';

/**
 * Erasure that travels (issue 12, docs/ERASURE.md). When a consent is withdrawn, the person's personal data is
 * destroyed on every device: an erasure record (the synced table `erasures`) says whose data and when, and holds no
 * personal data itself; every device that holds it applies it to every record about the person it has or receives
 * (`eraseRecord`), before any merge, so nothing of it can come back — an old backup file included.
 *
 * Applying an erasure replaces values in place and keeps their write stamps: the replacement depends only on the
 * erasure and the value, so two devices holding the same write hold the same erased value, whichever order files
 * travel in, and applying it again changes nothing.
 */

export const ERASURE_REASONS = ['consentWithdrawn', 'subjectRequest', 'purposeAchieved', 'unlawful'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The reason as the act and the log say it. */
export const ERASURE_REASON_LABELS: Record<ErasureReason, string> = {
  consentWithdrawn: 'отзыв субъектом персональных данных согласия на их обработку',
  subjectRequest: 'требование субъекта персональных данных',
  purposeAchieved: 'достижение цели обработки персональных данных',
  unlawful: 'выявление неправомерной обработки персональных данных',
};

export type ErasureFields = z.output<typeof erasureInputSchema>;
export type Erasure = Stored<ErasureFields>;

export const ERASURE_PERSONAL_DATA: TablePersonalData<ErasureFields> = {
  personal: {},
  kept: ['personId', 'erasedOn', 'reason', 'withdrawnOn', 'categories', 'mentorshipIds'],
  action: 'anonymise',
};

/** Every synced table's declaration, in one place for the erasure and the test that keeps them complete. */
export const PERSONAL_DATA: Record<SyncedTable, TablePersonalData> = {
  school: SCHOOL_PERSONAL_DATA,
  people: PERSON_PERSONAL_DATA,
  partners: PARTNER_PERSONAL_DATA,
  mentoringForms: MENTORING_FORM_PERSONAL_DATA,
  mentorships: MENTORSHIP_PERSONAL_DATA,
  meetings: MEETING_PERSONAL_DATA,
  plans: PLAN_PERSONAL_DATA,
  planItems: PLAN_ITEM_PERSONAL_DATA,
  consents: CONSENT_PERSONAL_DATA,
  orders: ORDER_PERSONAL_DATA,
  events: EVENT_PERSONAL_DATA,
  preferences: PREFERENCE_PERSONAL_DATA,
  trainingGroups: TRAINING_GROUP_PERSONAL_DATA,
  trainingSessions: TRAINING_SESSION_PERSONAL_DATA,
  materials: MATERIAL_PERSONAL_DATA,
  questionnaires: QUESTIONNAIRE_PERSONAL_DATA,
  responses: RESPONSE_PERSONAL_DATA,
  recognitions: RECOGNITION_PERSONAL_DATA,
  practices: PRACTICE_PERSONAL_DATA,
  roadmapTasks: ROADMAP_TASK_PERSONAL_DATA,
  erasures: ERASURE_PERSONAL_DATA as unknown as TablePersonalData,
};

/**
 * One line of this device's log of erasures (the local table `erasureLog`): what Roskomnadzor's order № 179 of
 * 28.10.2022 asks of the extract from the log of events — who the subject was, which categories of data were
 * destroyed, the information system, the reason, the date — and, for the act, who did it. Kept three years.
 */
export interface ErasureLogEntry {
  id: string;
  /** The subject's full name as this device held it before the erasure. */
  subjectName: string;
  /** «обучающийся», «педагог»… */
  subjectCategory: string;
  /** Russian labels of the kinds of data destroyed (DATA_CATEGORY_LABELS). */
  categories: string[];
  /** Russian text (ERASURE_REASON_LABELS). */
  reason: string;
  /** ISO date. */
  erasedOn: IsoDate;
  /** «Наставник» on this device. */
  systemName: string;
  performedBy: { name: string; position: string };
  /** How the data was destroyed. */
  method: string;
}

/** The log's lines are kept for three years from the erasure (order № 179, п. 5). */
export const ERASURE_LOG_YEARS = 3;

export const SYSTEM_NAME = 'Наставник';

export function systemName(deviceName: string): string {
  return deviceName.trim() ? `«${SYSTEM_NAME}» на устройстве «${deviceName.trim()}»` : `«${SYSTEM_NAME}» на этом устройстве`;
}

export const ERASURE_METHOD =
  'обезличивание записей о субъекте в базе данных приложения (персональные данные заменены, обезличенные сведения для мониторинга сохранены) и удаление анкет предпочтений, копий в сохранённых конфликтах, черновиках форм и данных для отмены импорта';
export const ERASURE_METHOD_RECEIVED = 'то же, по записи об уничтожении, полученной в файле обмена';

export function categoryLabels(codes: readonly DataCategory[]): string[] {
  return DATA_CATEGORIES.filter((c) => codes.includes(c)).map((c) => DATA_CATEGORY_LABELS[c]);
}

/** Is the log line past its three years on `today`? */
export function logExpired(erasedOn: IsoDate, today: IsoDate): boolean {
  const y = Number(erasedOn.slice(0, 4)) + ERASURE_LOG_YEARS;
  return `${String(y).padStart(4, '0')}${erasedOn.slice(4)}` < today;
}

// ——— which records are about the person ———

type Rec = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** One erasure with the pairs and plans that are the person's, as far as the records seen tell. */
export interface ErasureScope {
  erasure: Pick<ErasureFields, 'personId' | 'erasedOn' | 'mentorshipIds'>;
  mentorshipIds: ReadonlySet<string>;
  planIds: ReadonlySet<string>;
  /** What names her, where this device knows (`withMarks`): used to search other copies and named fields. */
  marks?: PersonMarks;
}

/** The scopes with each person's marks (her name forms, phones, e-mails) as this device knows them. */
export function withMarks(scopes: readonly ErasureScope[], marks: ReadonlyMap<string, PersonMarks>): ErasureScope[] {
  return scopes.map((s) => ({ ...s, marks: marks.get(s.erasure.personId) ?? s.marks }));
}

/**
 * The pairs of each erased person: those the erasure names, and those any record seen (this device's or a file's, any
 * version) lists the person in; their plans. Taking every version seen keeps two devices that held different versions
 * of a pair erasing the same text.
 */
export function erasureScopes(
  erasures: readonly Pick<ErasureFields, 'personId' | 'erasedOn' | 'mentorshipIds'>[],
  records: Iterable<{ table: SyncedTable; record: Rec }>,
): ErasureScope[] {
  const all = [...records];
  return erasures.map((erasure) => {
    const pairs = new Set(erasure.mentorshipIds);
    for (const { table, record } of all)
      if (table === 'mentorships' && [...strings(record.mentorIds), ...strings(record.menteeIds)].includes(erasure.personId)) pairs.add(str(record.id));
    const plans = new Set<string>();
    for (const { table, record } of all) if (table === 'plans' && pairs.has(str(record.mentorshipId))) plans.add(str(record.id));
    return { erasure, mentorshipIds: pairs, planIds: plans };
  });
}

/** Is this record (of `table`) about the erased person: does its personal text describe them? */
export function isAbout(scope: ErasureScope, table: SyncedTable, r: Rec): boolean {
  const p = scope.erasure.personId;
  switch (table) {
    case 'people':
      return r.id === p;
    case 'consents':
    case 'preferences':
    case 'recognitions':
      return r.personId === p;
    case 'responses':
      return r.respondentId === p || scope.mentorshipIds.has(str(r.mentorshipId));
    case 'mentorships':
      return scope.mentorshipIds.has(str(r.id));
    case 'meetings':
      return scope.mentorshipIds.has(str(r.mentorshipId)) || strings(r.attendeeIds).includes(p);
    case 'plans':
      return scope.planIds.has(str(r.id));
    case 'planItems':
      return scope.planIds.has(str(r.planId));
    case 'trainingSessions':
      return r.kind === 'consultation' && strings(r.attendeeIds).includes(p);
    default:
      return false;
  }
}

/**
 * Fields of records that may hold the name or contacts of someone who is not the record's subject — the school's
 * director and curator, a partner's contact person, who is responsible for a roadmap row, a session's expert, a
 * child's legal representative (a parent may be erased): erased where the value is, whole, a form of the erased
 * person's full name, her phone or her e-mail (`valueIs`), as far as the erasing device knows them.
 */
const NAMED_FIELDS: Partial<Record<SyncedTable, { field: string; kind: 'name' | 'phone' | 'email'; with?: string[] }[]>> = {
  school: [
    { field: 'directorName', kind: 'name' },
    { field: 'curatorName', kind: 'name' },
  ],
  partners: [
    { field: 'contactPerson', kind: 'name' },
    { field: 'phone', kind: 'phone' },
    { field: 'email', kind: 'email' },
  ],
  roadmapTasks: [{ field: 'responsible', kind: 'name' }],
  trainingSessions: [{ field: 'expert', kind: 'name' }],
  consents: [{ field: 'representativeName', kind: 'name', with: ['representativeRelation'] }],
};

/** One field's value once erased (unchanged for a field that is not personal). */
export function eraseValue(table: SyncedTable, field: string, value: unknown, on: IsoDate): unknown {
  const rule = PERSONAL_DATA[table].personal[field];
  return rule ? rule.erase(value, on) : value;
}

export type ErasedRecord<T> = { kind: 'unchanged' } | { kind: 'anonymised'; record: T; categories: DataCategory[] } | { kind: 'remove' };

/** Only the personal fields of `r` erased, envelope and stamps untouched; the categories whose values changed. */
export function anonymiseFields<T extends Rec>(table: SyncedTable, r: T, on: IsoDate, opts: { thirdParty?: boolean } = {}): { record: T; categories: DataCategory[] } {
  const rules = PERSONAL_DATA[table].personal;
  const out: Rec = { ...r };
  const categories = new Set<DataCategory>();
  for (const [field, rule] of Object.entries(rules)) {
    if (!rule || !Object.hasOwn(r, field) || r[field] === undefined) continue;
    if (rule.thirdParty && opts.thirdParty === false) continue;
    const next = rule.erase(r[field], on);
    if (JSON.stringify(next) !== JSON.stringify(r[field])) {
      out[field] = next;
      categories.add(rule.category);
    }
  }
  return { record: out as T, categories: [...categories] };
}

/**
 * The pure rule: given the erasures (with their scopes) and a record of any table, the record with the personal data
 * of the erased people replaced, or `remove` for a record of a table whose action is removal, or `unchanged`.
 */
export function eraseRecord<T extends Rec>(scopes: readonly ErasureScope[], table: SyncedTable, r: T): ErasedRecord<T> {
  const mine = scopes.filter((s) => isAbout(s, table, r));
  const named = NAMED_FIELDS[table] ?? [];
  if (!mine.length && !(named.length && scopes.some((s) => s.marks))) return { kind: 'unchanged' };
  if (mine.length && PERSONAL_DATA[table].action === 'remove') return { kind: 'remove' };
  let current = r;
  const categories = new Set<DataCategory>();
  for (const s of mine) {
    const a = anonymiseFields(table, current, s.erasure.erasedOn, { thirdParty: false });
    current = a.record;
    for (const c of a.categories) categories.add(c);
  }
  // Fields that name someone (a partner's contact, the school's curator, a session's expert, a child's
  // representative): erased where they are the erased person's name, phone or e-mail, as far as this device knows them.
  for (const s of scopes) {
    if (!s.marks) continue;
    for (const nf of named) {
      if (!valueIs(current[nf.field], nf.kind, s.marks)) continue;
      const next: Rec = { ...current };
      for (const f of [nf.field, ...(nf.with ?? [])]) {
        const rule = PERSONAL_DATA[table].personal[f];
        if (!rule || current[f] === undefined) continue;
        next[f] = rule.erase(current[f], s.erasure.erasedOn);
        if (JSON.stringify(next[f]) !== JSON.stringify(current[f])) categories.add(rule.category);
      }
      current = next as T;
    }
  }
  return categories.size ? { kind: 'anonymised', record: current, categories: [...categories] } : { kind: 'unchanged' };
}

/** A kept conflict value of a record about an erased person, erased the same way (`owner`: its record). */
export function eraseKeptValue<K extends { field: string; value?: unknown }>(
  scopes: readonly ErasureScope[],
  table: SyncedTable,
  owner: Rec,
  kept: K,
): K | 'remove' | 'unchanged' {
  const mine = scopes.filter((s) => isAbout(s, table, owner));
  if (!mine.length) return 'unchanged';
  if (PERSONAL_DATA[table].action === 'remove') return 'remove';
  if (!Object.hasOwn(kept, 'value')) return 'unchanged';
  let value = kept.value;
  for (const s of mine) value = eraseValue(table, kept.field, value, s.erasure.erasedOn);
  return JSON.stringify(value) === JSON.stringify(kept.value) ? 'unchanged' : { ...kept, value };
}

/**
 * The fields an ordinary deletion leaves in its tombstone: every personal field erased (as of `on`), whoever the
 * record is about. The tombstone still merges and travels; its write replaces the personal values everywhere.
 */
export function tombstoneFields<T extends Rec>(table: SyncedTable, fields: T, on: IsoDate): T {
  return anonymiseFields(table, fields, on).record;
}

/**
 * The personal values of a person's row worth searching other copies for (drafts, set-aside records…): those the
 * erasure (on `on`) would replace — not placeholders or erased values already, which would match unrelated texts.
 */
export function personalStrings(person: Rec, on: IsoDate): string[] {
  const out: string[] = [];
  for (const field of Object.keys(PERSON_PERSONAL_DATA.personal)) {
    const v = person[field];
    if (JSON.stringify(eraseValue('people', field, v, on)) === JSON.stringify(v)) continue;
    for (const s of typeof v === 'string' ? [v] : strings(v)) if (s.trim().length >= 2) out.push(s.trim());
  }
  return out;
}

// ——— what names her in other copies (drafts, set-aside records, device names…) ———

/**
 * What identifies an erased person in a free text on this device: the forms of her full name, her phone numbers
 * (digits) and e-mails, taken from the versions of her row this device held. Never a lone first name, patronymic or
 * surname: «Анна» or «Петровна» alone names many people (a draft about another Анна, a tablet named «Анна-Мария»).
 */
export interface PersonMarks {
  names: { last: string; first: string; middle: string }[];
  phones: string[];
  emails: string[];
}

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');
const squash = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();
const digitsOf = (s: string): string => s.replace(/\D/g, '');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name's letters: hyphens belong to the word («Анна-Мария» is not «Анна»). */
const NAME_EDGE = '[\\p{L}\\p{N}-]';
/** An id's characters (uuids hold hyphens). */
const ID_EDGE = '[A-Za-z0-9_-]';

export const NO_MARKS: PersonMarks = { names: [], phones: [], emails: [] };

/** The marks of a person from the versions of her row (placeholders and erased values are not marks). */
export function personMarks(versions: readonly Rec[]): PersonMarks {
  const names = new Map<string, PersonMarks['names'][number]>();
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const v of versions) {
    const last = squash(str(v.lastName));
    const first = squash(str(v.firstName));
    const middle = squash(str(v.middleName));
    const placeholder = last === fold(ERASED_LAST_NAME) && first === fold(ERASED_FIRST_NAME);
    if (last && first && !placeholder) names.set(`${last}|${first}|${middle}`, { last, first, middle });
    const d = digitsOf(str(v.phone));
    if (d.length >= 7) phones.add(d.slice(-10));
    const e = squash(str(v.email));
    if (e.includes('@')) emails.add(e);
  }
  return { names: [...names.values()], phones: [...phones], emails: [...emails] };
}

export function mergeMarks(list: readonly PersonMarks[]): PersonMarks {
  const names = new Map<string, PersonMarks['names'][number]>();
  for (const m of list) for (const n of m.names) names.set(`${n.last}|${n.first}|${n.middle}`, n);
  return { names: [...names.values()], phones: [...new Set(list.flatMap((m) => m.phones))], emails: [...new Set(list.flatMap((m) => m.emails))] };
}

/** «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Фамилия Имя», «Имя Фамилия», «Фамилия И. О.», «Фамилия И.», «И. О. Фамилия». */
function nameForms(n: PersonMarks['names'][number]): string[] {
  const [L, F, M] = [escapeRe(n.last), escapeRe(n.first), escapeRe(n.middle)];
  const f = escapeRe(n.first[0]!);
  const m = n.middle ? escapeRe(n.middle[0]!) : '';
  const forms = [`${L}\\s+${F}`, `${F}\\s+${L}`, `${L}\\s+${f}\\.`, `${f}\\.\\s*${L}`];
  if (n.middle) forms.push(`${L}\\s+${F}\\s+${M}`, `${F}\\s+${M}\\s+${L}`, `${L}\\s+${f}\\.\\s*${m}\\.`, `${f}\\.\\s*${m}\\.\\s*${L}`);
  // longest first, so that «Фамилия Имя Отчество» is taken whole
  return forms.sort((a, b) => b.length - a.length);
}

const nameRegexCache = new WeakMap<PersonMarks, { inText: RegExp | null; whole: RegExp | null }>();
function nameRegexes(marks: PersonMarks): { inText: RegExp | null; whole: RegExp | null } {
  let r = nameRegexCache.get(marks);
  if (!r) {
    const forms = marks.names.flatMap(nameForms);
    r = forms.length
      ? { inText: new RegExp(`(?<!${NAME_EDGE})(?:${forms.join('|')})(?!${NAME_EDGE})`, 'u'), whole: new RegExp(`^(?:${forms.join('|')})$`, 'u') }
      : { inText: null, whole: null };
    nameRegexCache.set(marks, r);
  }
  return r;
}

/** Does this text name the person: a form of her full name, her phone or her e-mail, on word boundaries? */
export function textNames(text: string, marks: PersonMarks): boolean {
  if (!text) return false;
  const t = fold(text);
  if (nameRegexes(marks).inText?.test(t)) return true;
  if (marks.phones.length)
    for (const run of t.match(/\+?\d[\d\s().-]{5,}\d/g) ?? []) {
      const d = digitsOf(run);
      if (marks.phones.some((p) => d.includes(p))) return true;
    }
  for (const e of marks.emails) if (new RegExp(`(?<![\\w.+-])${escapeRe(e)}(?![\\w.-])`, 'u').test(t)) return true;
  return false;
}

/** Is this value, whole, one of her name forms (`kind: 'name'`), her phone or her e-mail? */
export function valueIs(value: unknown, kind: 'name' | 'phone' | 'email', marks: PersonMarks): boolean {
  if (typeof value !== 'string' || !value.trim()) return false;
  if (kind === 'name') return !!nameRegexes(marks).whole?.test(squash(value));
  if (kind === 'phone') {
    const d = digitsOf(value);
    return d.length >= 7 && marks.phones.includes(d.slice(-10));
  }
  return marks.emails.includes(squash(value));
}

/** Does this text hold one of these ids as a whole token (a draft's key «meeting:<id>», a set-aside record's)? */
export function textHoldsId(text: string, ids: readonly string[]): boolean {
  if (!text || !ids.length) return false;
  const re = new RegExp(`(?<!${ID_EDGE})(?:${ids.map(escapeRe).join('|')})(?!${ID_EDGE})`);
  return re.test(text);
}
