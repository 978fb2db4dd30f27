import type { VersionedRecord } from '../envelope';
import type { KeptValueEntry } from './format';
import { SYNCED_TABLES, type SyncedTable } from '../syncedTables';

type Tables = Partial<Record<SyncedTable, readonly VersionedRecord[]>>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * What the mentor of the given pairs/groups needs, and nothing more: those mentorships, the people in them (with
 * their own contacts and birth dates), their plans with items, meetings, the consents of those people, the
 * responses of those mentorships, plus the school, the mentoring forms and the questionnaires (templates without
 * personal data, needed to fill in responses).
 *
 * Nobody outside the scope travels at all, not even with contacts blanked: a blanked copy would carry the same
 * version vector as the full record, and when the mentor's bundle came back it would pass for the same version
 * with different content and could overwrite the curator's full record. Ids that point outside (a guest at a
 * meeting) stay ids.
 */
export function selectScope(all: Tables, mentorshipIds: readonly string[]): Record<SyncedTable, VersionedRecord[]> {
  const wanted = new Set(mentorshipIds);
  const mentorships = (all.mentorships ?? []).filter((m) => wanted.has(m.id));
  const people = new Set(mentorships.flatMap((m) => [...strings(m.mentorIds), ...strings(m.menteeIds)]));
  const plans = (all.plans ?? []).filter((p) => wanted.has(str(p.mentorshipId)));
  const planIds = new Set(plans.map((p) => p.id));

  const out = Object.fromEntries(SYNCED_TABLES.map((t) => [t, [] as VersionedRecord[]])) as Record<SyncedTable, VersionedRecord[]>;
  out.school = [...(all.school ?? [])];
  out.mentoringForms = [...(all.mentoringForms ?? [])];
  out.questionnaires = [...(all.questionnaires ?? [])];
  out.mentorships = mentorships;
  out.people = (all.people ?? []).filter((p) => people.has(p.id));
  out.plans = plans;
  out.planItems = (all.planItems ?? []).filter((i) => planIds.has(str(i.planId)));
  out.meetings = (all.meetings ?? []).filter((m) => wanted.has(str(m.mentorshipId)));
  out.consents = (all.consents ?? []).filter((c) => people.has(str(c.personId)));
  out.responses = (all.responses ?? []).filter((r) => wanted.has(str(r.mentorshipId)));
  // Erasures travel in every scope: they hold no personal data, and a device that may hold the person's data must
  // destroy it (docs/ERASURE.md).
  out.erasures = [...(all.erasures ?? [])];
  return out;
}

/** Kept conflict versions travel only with a record that travels. */
export function selectKeptVersions(
  tables: Partial<Record<SyncedTable, readonly VersionedRecord[]>>,
  kept: readonly KeptValueEntry[],
): KeptValueEntry[] {
  const included = new Set<string>();
  for (const [t, list] of Object.entries(tables)) for (const r of list ?? []) included.add(`${t}|${r.id}`);
  return kept.filter((k) => included.has(`${k.table}|${k.recordId}`));
}
