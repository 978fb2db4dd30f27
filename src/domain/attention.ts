import { daysBetween, type RowWarning } from './mentorshipList';
import { consentOverview, programParticipants } from './consentStatus';
import { isValidConsent, type ConsentFields } from './consent';
import { DEFAULT_CONSENT_AGE, fullName, type PersonFields } from './person';
import { isOverdue, type RoadmapTaskFields } from './roadmap';
import { academicYearMismatch } from './school';

/** A whole-school backup older than this many days is worth a reminder: a lost phone loses everything since. */
export const BACKUP_REMINDER_DAYS = 7;

/** The counts behind «Требует внимания» on the overview, each from the same rules as its own screen. */
export interface AttentionCounts {
  /** Participants without a valid consent (the «Согласия» list). */
  consentsMissing: number;
  /** Active pairs and groups with no meeting for 30+ days (the «требуют внимания» mark of «Пары»). */
  notMeeting: number;
  /** Pairs and groups whose plan is below 90 %. */
  plansUnder90: number;
  /** Rows of this year's roadmap past their deadline and not done. */
  overdueRoadmap: number;
  /** Records with versions kept for the curator's choice (after exchanges). */
  conflicts: number;
  /** Days since the last whole-school export from this device; null when there has been none. */
  daysSinceBackup: number | null;
  /** Whether the device holds any participants: an empty device needs no backup yet. */
  hasData: boolean;
  /** The school's academic year and the one today falls in, when they differ (a new year has begun). */
  yearMismatch?: { configured: string; current: string };
  /** People whose consent is withdrawn and whose data is still here: the 30 days of 152-ФЗ run (erasureDeadlines). */
  erasuresDue?: ErasureDue[];
}

/** 152-ФЗ, ч. 5 ст. 21: on a withdrawn consent the data is destroyed within thirty days of the withdrawal. */
export const ERASURE_DAYS = 30;

/** One person whose data must be destroyed: the withdrawal, the last day, days left (negative: overdue). */
export interface ErasureDue {
  personId: string;
  name: string;
  withdrawnOn: string;
  dueDate: string;
  daysLeft: number;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type PersonForErasure = { id: string; roles?: readonly string[] } & Pick<PersonFields, 'birthDate' | 'category'> & Partial<Pick<PersonFields, 'lastName' | 'firstName' | 'middleName'>>;
type ConsentForErasure = Pick<ConsentFields, 'personId' | 'signer' | 'signedOn' | 'withdrawnOn'> & { deleted?: boolean };

/**
 * Who has a withdrawn consent (on or before today), no consent that counts today, and has not been erased: the clock
 * runs from the latest withdrawal, and the data is due for destruction on its thirtieth day. Overdue first, then by
 * the last day.
 */
export function erasureDeadlines(input: {
  today: string;
  consentAge: number;
  people: readonly PersonForErasure[];
  consents: readonly ConsentForErasure[];
  erasedPersonIds: ReadonlySet<string>;
}): ErasureDue[] {
  const byPerson = new Map<string, ConsentForErasure[]>();
  for (const c of input.consents) {
    if (c.deleted) continue;
    const list = byPerson.get(c.personId);
    if (list) list.push(c);
    else byPerson.set(c.personId, [c]);
  }
  const out: ErasureDue[] = [];
  for (const p of input.people) {
    if (input.erasedPersonIds.has(p.id)) continue;
    const own = byPerson.get(p.id) ?? [];
    const withdrawn = own.map((c) => c.withdrawnOn).filter((d) => d && d <= input.today);
    if (!withdrawn.length || own.some((c) => isValidConsent(c, p, input.consentAge, input.today))) continue;
    const withdrawnOn = withdrawn.sort().at(-1)!;
    const dueDate = addDays(withdrawnOn, ERASURE_DAYS);
    const name = p.lastName ? fullName({ lastName: p.lastName, firstName: p.firstName ?? '', middleName: p.middleName ?? '' }) : 'участник';
    out.push({ personId: p.id, name, withdrawnOn, dueDate, daysLeft: daysBetween(input.today, dueDate) });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name, 'ru'));
}

/**
 * One line of «Требует внимания», as data: what is due and how much. The words and the screen it opens are the
 * home feature's (src/features/home/attentionText.ts); the domain says nothing of routes or sentences.
 */
export type AttentionItem =
  | { kind: 'year'; configured: string; current: string }
  | { kind: 'conflicts'; count: number }
  | { kind: 'erasure'; due: ErasureDue }
  | { kind: 'consents'; count: number }
  | { kind: 'notMeeting'; count: number }
  | { kind: 'plans'; count: number }
  | { kind: 'roadmap'; count: number }
  /** `daysSince`: null when no whole-school backup was ever made. */
  | { kind: 'backup'; daysSince: number | null };

/** A key unique in the list (a person's withdrawn consent: `erasure-<person id>`). */
export function attentionKey(i: AttentionItem): string {
  return i.kind === 'erasure' ? `erasure-${i.due.personId}` : i.kind;
}

/** Counts the row marks of «Пары»: a pair that has not met, and a plan under 90 % (a pair may carry both). */
export function countRowWarnings(rows: readonly { warnings: readonly RowWarning[] }[]): { notMeeting: number; plansUnder90: number } {
  let notMeeting = 0;
  let plansUnder90 = 0;
  for (const r of rows) {
    if (r.warnings.some((w) => w.kind === 'notMet' || w.kind === 'neverMet')) notMeeting += 1;
    if (r.warnings.some((w) => w.kind === 'planUnder90' || w.kind === 'planOverdue')) plansUnder90 += 1;
  }
  return { notMeeting, plansUnder90 };
}

/** The counts from the records, by the rules of the screens the items link to. */
export function attentionCounts(input: {
  today: string;
  school: { academicYear: string; consentAge: number } | undefined;
  people: readonly PersonForErasure[];
  consents: readonly ConsentForErasure[];
  /** The pairs' list rows; their pairs make who counts as a participant (programParticipants). */
  rows: readonly { warnings: readonly RowWarning[]; mentorship?: { status: string; mentorIds: readonly string[]; menteeIds: readonly string[] } }[];
  roadmap: readonly Pick<RoadmapTaskFields, 'academicYear' | 'deadline' | 'status'>[];
  conflicts: number;
  /** When this device last saved a whole-school bundle (ISO time), if ever. */
  lastExportAt: string | null;
  /** People whose data has been destroyed (the erasure records): no clock runs for them. */
  erasedPersonIds?: ReadonlySet<string>;
}): AttentionCounts {
  const { today, school } = input;
  const erased = input.erasedPersonIds ?? new Set<string>();
  // Someone whose data is destroyed needs no consent: only the anonymous facts of them are processed.
  const live = erased.size ? input.people.filter((p) => !erased.has(p.id)) : input.people;
  const mismatch = school ? academicYearMismatch(school.academicYear, today) : undefined;
  const erasuresDue = erasureDeadlines({
    today,
    consentAge: school?.consentAge ?? DEFAULT_CONSENT_AGE,
    people: input.people,
    consents: input.consents,
    erasedPersonIds: erased,
  });
  return {
    // The same base as the consents indicator and the «Согласия» screen: the programme's participants.
    consentsMissing: school
      ? consentOverview(
          programParticipants(
            live,
            input.rows.flatMap((r) => (r.mentorship ? [r.mentorship] : [])),
          ),
          input.consents,
          school.consentAge,
          today,
        ).missing.length
      : 0,
    ...countRowWarnings(input.rows),
    overdueRoadmap: input.roadmap.filter((t) => (!school || t.academicYear === school.academicYear) && isOverdue(t, today)).length,
    conflicts: input.conflicts,
    daysSinceBackup: input.lastExportAt ? daysBetween(input.lastExportAt.slice(0, 10), today) : null,
    hasData: input.people.length > 0,
    ...(mismatch ? { yearMismatch: mismatch } : {}),
    ...(erasuresDue.length ? { erasuresDue } : {}),
  };
}

/** What needs doing, most urgent first. Nothing to do → an empty list. */
export function attentionItems(c: AttentionCounts): AttentionItem[] {
  const out: AttentionItem[] = [];
  if (c.yearMismatch) out.push({ kind: 'year', configured: c.yearMismatch.configured, current: c.yearMismatch.current });
  if (c.conflicts > 0) out.push({ kind: 'conflicts', count: c.conflicts });
  for (const due of c.erasuresDue ?? []) out.push({ kind: 'erasure', due });
  if (c.consentsMissing > 0) out.push({ kind: 'consents', count: c.consentsMissing });
  if (c.notMeeting > 0) out.push({ kind: 'notMeeting', count: c.notMeeting });
  if (c.plansUnder90 > 0) out.push({ kind: 'plans', count: c.plansUnder90 });
  if (c.overdueRoadmap > 0) out.push({ kind: 'roadmap', count: c.overdueRoadmap });
  if (c.hasData && (c.daysSinceBackup === null || c.daysSinceBackup >= BACKUP_REMINDER_DAYS)) out.push({ kind: 'backup', daysSince: c.daysSinceBackup });
  return out;
}
