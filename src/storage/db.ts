import Dexie, { type Table } from 'dexie';
import type { Envelope } from '../domain/envelope';
import type { Person } from '../domain/person';
import type { Partner } from '../domain/partner';
import type { School } from '../domain/school';
import type { Mentorship } from '../domain/mentorship';
import type { Meeting } from '../domain/meeting';
import type { Plan, PlanItem } from '../domain/plan';
import type { Consent } from '../domain/consent';
import type { Order } from '../domain/order';
import type { SchoolEvent } from '../domain/event';

/**
 * Tables whose records travel between devices in bundles. Every one of them holds enveloped records (see
 * `Envelope`) and takes part in export, import and merge. A table added in a later version must be listed here.
 */
export const SYNCED_TABLES = [
  'school',
  'people',
  'partners',
  'mentoringForms',
  'mentorships',
  'meetings',
  'plans',
  'planItems',
  'consents',
  'orders',
  'events',
  'preferences',
  'trainingGroups',
  'trainingSessions',
  'materials',
  'questionnaires',
  'responses',
  'recognitions',
  'practices',
  'roadmapTasks',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Tables that stay on this device: never exported, never merged. */
export const LOCAL_TABLES = ['meta', 'drafts', 'conflicts', 'exchanges', 'snapshots', 'files'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];

/** A record of a table whose own fields later issues define; until then it is only its envelope plus data. */
export type GenericRecord = Envelope & Record<string, unknown>;

/** Device-local key–value facts: this install's device id and name, the clock, the last export. Never exported. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** A losing concurrent version kept for the curator's review after a merge (issue: sharing). Local only. */
export interface ConflictRow {
  id: string;
  table: SyncedTable;
  recordId: string;
  [k: string]: unknown;
}

/** One exchange (bundle exported or imported) in this device's history. Local only. */
export interface ExchangeRow {
  id: string;
  at: string;
  [k: string]: unknown;
}

/** The state before an import, so that "undo the last import" can put it back exactly. Local only. */
export interface SnapshotRow {
  id: string;
  [k: string]: unknown;
}

/** The content of a file the app keeps (a methodological material, a roadmap document), by its record's id. */
export interface FileRow {
  id: string;
  blob: Blob;
}

/** A half-filled form, saved as it is typed, so that neither a closed app nor an update loses it. Local only. */
export interface DraftRow {
  key: string;
  value: unknown;
  savedAt: string;
}

export const DB_NAME = 'nastavnik';

/** Schema version 1: the tables of every entity of DOMAIN.md, so later versions mostly add indexes. */
export const SCHEMA_V1: Record<SyncedTable | Exclude<LocalTable, 'files'>, string> = {
  school: 'id',
  people: 'id, category, classLabel, partnerId, *roles, updatedAt',
  partners: 'id, kind, updatedAt',
  mentoringForms: 'id',
  mentorships: 'id, formId, status, *mentorIds, *menteeIds',
  meetings: 'id, mentorshipId, kind, date',
  plans: 'id, mentorshipId',
  planItems: 'id, planId, dueDate, status',
  consents: 'id, personId, signedOn',
  orders: 'id, kind, date',
  events: 'id, kind, date',
  preferences: 'id, eventId, personId',
  trainingGroups: 'id',
  trainingSessions: 'id, groupId, date',
  materials: 'id',
  questionnaires: 'id',
  responses: 'id, questionnaireId, respondentId, mentorshipId',
  recognitions: 'id, personId',
  practices: 'id',
  roadmapTasks: 'id, deadline, status',
  meta: 'key',
  drafts: 'key',
  conflicts: 'id, [table+recordId]',
  exchanges: 'id, at',
  snapshots: 'id',
};

/**
 * Version 2 adds `files`: the contents of materials and roadmap documents as Blobs, kept apart from their records
 * so that lists read no megabytes and bundles carry the records (title, size, type) without the files, unless a
 * whole-school export takes them in a ZIP (docs/BUNDLE_FORMAT.md, 7a). No data
 * changes shape, so the upgrade has nothing to rewrite.
 */
export const SCHEMA_V2 = { files: 'id' } as const;

export class NastavnikDb extends Dexie {
  school!: Table<School, string>;
  people!: Table<Person, string>;
  partners!: Table<Partner, string>;
  mentoringForms!: Table<GenericRecord, string>;
  mentorships!: Table<Mentorship, string>;
  meetings!: Table<Meeting, string>;
  plans!: Table<Plan, string>;
  planItems!: Table<PlanItem, string>;
  consents!: Table<Consent, string>;
  orders!: Table<Order, string>;
  events!: Table<SchoolEvent, string>;
  preferences!: Table<GenericRecord, string>;
  trainingGroups!: Table<GenericRecord, string>;
  trainingSessions!: Table<GenericRecord, string>;
  materials!: Table<GenericRecord, string>;
  questionnaires!: Table<GenericRecord, string>;
  responses!: Table<GenericRecord, string>;
  recognitions!: Table<GenericRecord, string>;
  practices!: Table<GenericRecord, string>;
  roadmapTasks!: Table<GenericRecord, string>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  conflicts!: Table<ConflictRow, string>;
  exchanges!: Table<ExchangeRow, string>;
  snapshots!: Table<SnapshotRow, string>;
  files!: Table<FileRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }

  syncedTable(name: SyncedTable): Table<GenericRecord, string> {
    return this.table(name) as Table<GenericRecord, string>;
  }
}

let instance: NastavnikDb | null = null;

/** The app's database. Tests make their own `new NastavnikDb(name)`. */
export function getDb(): NastavnikDb {
  if (!instance) instance = new NastavnikDb();
  return instance;
}
