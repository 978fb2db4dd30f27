import Dexie, { type Table } from 'dexie';
import type { Envelope } from '../domain/envelope';
import type { ErasureLogEntry } from '../domain/erasure';
import { type SyncedRecords, type SyncedTable } from '../domain/syncedTables';
import { stripOwnTombstones, upgradeStoredData } from './upgrade';
import { installWritePath } from './writePath';
import { installPairSummaries } from './pairSummaries';
import type { PairSummary } from '../domain/pairSummary';

export { SYNCED_TABLES, type SyncedTable } from '../domain/syncedTables';

/** Tables that stay on this device: never exported, never merged. */
export const LOCAL_TABLES = ['meta', 'drafts', 'conflicts', 'exchanges', 'snapshots', 'files', 'setAside', 'peers', 'erasureLog', 'pairSummaries'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];

/** A record of some synced table, when which one is only known at run time (import, undo, conflicts). */
export type GenericRecord = Envelope & Record<string, unknown>;

/** Device-local key–value facts: this install's device id and name, the clock, the last export. Never exported. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A value that lost a same-field conflict, kept for the curator's review (`KeptValue` of src/domain/merge.ts) with
 * its record and when this device first learned of it. Id: `table|recordId|field|write`, the same on every device.
 * Kept values travel in bundles beside their records.
 */
export interface ConflictRow {
  id: string;
  table: SyncedTable;
  recordId: string;
  field: string;
  write: string;
  value?: unknown;
  detectedAt: string;
}

/**
 * A stored record that failed its table's rules when the database upgraded (written by an older app before the
 * write path checked everything): taken out of its table so nothing refuses this device's files, and kept here,
 * with the reasons, for the curator to read on «Обмен» and to export or drop. Local only.
 */
export interface SetAsideRow {
  id: string;
  table: SyncedTable;
  recordId: string;
  record: unknown;
  problems: { field: string; message: string }[];
  at: string;
}

/**
 * Another device this one exchanges with: its name, what it is known to hold (`known`, grown only from its files and
 * from our files it acknowledged), the id of its last file we imported (sent back as an acknowledgement), and our
 * recent files for it, remembered until it acknowledges one. Local only.
 */
export interface PeerRow {
  id: string;
  name: string;
  known: Record<string, Record<string, number>>;
  lastBundleFrom?: string;
  sent: { bundleId: string; at: string; known: Record<string, Record<string, number>> }[];
  lastSeenAt?: string;
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

/** Schema version 1: the tables of every entity of docs/DOMAIN.md («3. Terms»), so later versions mostly add indexes. */
export const SCHEMA_V1: Record<Exclude<SyncedTable, 'erasures'> | Exclude<LocalTable, 'files' | 'setAside' | 'peers' | 'erasureLog' | 'pairSummaries'>, string> = {
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

/**
 * Version 3: the field-level merge. Every record gets its field stamps (`writes`), kept conflict versions become
 * kept values per field (the same data step the bundle migration runs: src/domain/dataMigrations.ts), records that
 * fail their table's rules move to `setAside`, and the undo snapshot of the last import is dropped (it holds
 * records and kept versions of the old shape; undo is offered again after the next import).
 */
export const SCHEMA_V3 = { setAside: 'id, table' } as const;

/**
 * Version 4 adds `peers`: per other device, what this device knows it has seen (src/domain/handoff/delta.ts), so an
 * export can carry only the changes. No data changes shape.
 */
export const SCHEMA_V4 = { peers: 'id' } as const;

/**
 * Version 5: erasure that travels (docs/ERASURE.md). `erasures` is a synced table (who was erased, when, why — no
 * personal data); `erasureLog` is this device's log of erasures (local, kept three years). The tombstones this
 * device deleted before are written again without their personal fields (`stripOwnTombstones`).
 */
export const SCHEMA_V5 = { erasures: 'id, personId', erasureLog: 'id, erasedOn' } as const;

/**
 * A line of the log of erasures (`ErasureLogEntry`, src/domain/erasure.ts) with the erased person's id, so that an
 * erasure is logged once on each device. Local only, never exported.
 */
/**
 * Version 6 adds `pairSummaries`: per pair, what «Требует внимания» needs of its meetings and plan items, kept current
 * as they are written (src/storage/pairSummaries.ts), so the overview does not read every meeting and item of every
 * year on each start. Local, derived, never exported; built again from the records when missing.
 */
export const SCHEMA_V6 = { pairSummaries: 'id' } as const;

export interface ErasureLogRow extends ErasureLogEntry {
  personId: string;
  at: string;
}


/** Each synced table typed by its records (`SyncedRecords`); the check below fails when a table is missing here. */
export class NastavnikDb extends Dexie {
  school!: Table<SyncedRecords['school'], string>;
  people!: Table<SyncedRecords['people'], string>;
  partners!: Table<SyncedRecords['partners'], string>;
  mentoringForms!: Table<SyncedRecords['mentoringForms'], string>;
  mentorships!: Table<SyncedRecords['mentorships'], string>;
  meetings!: Table<SyncedRecords['meetings'], string>;
  plans!: Table<SyncedRecords['plans'], string>;
  planItems!: Table<SyncedRecords['planItems'], string>;
  consents!: Table<SyncedRecords['consents'], string>;
  orders!: Table<SyncedRecords['orders'], string>;
  events!: Table<SyncedRecords['events'], string>;
  preferences!: Table<SyncedRecords['preferences'], string>;
  trainingGroups!: Table<SyncedRecords['trainingGroups'], string>;
  trainingSessions!: Table<SyncedRecords['trainingSessions'], string>;
  materials!: Table<SyncedRecords['materials'], string>;
  questionnaires!: Table<SyncedRecords['questionnaires'], string>;
  responses!: Table<SyncedRecords['responses'], string>;
  recognitions!: Table<SyncedRecords['recognitions'], string>;
  practices!: Table<SyncedRecords['practices'], string>;
  roadmapTasks!: Table<SyncedRecords['roadmapTasks'], string>;
  erasures!: Table<SyncedRecords['erasures'], string>;
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  conflicts!: Table<ConflictRow, string>;
  exchanges!: Table<ExchangeRow, string>;
  snapshots!: Table<SnapshotRow, string>;
  files!: Table<FileRow, string>;
  setAside!: Table<SetAsideRow, string>;
  peers!: Table<PeerRow, string>;
  erasureLog!: Table<ErasureLogRow, string>;
  pairSummaries!: Table<PairSummary, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3).upgrade((tx) => upgradeStoredData(tx));
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade((tx) => stripOwnTombstones(tx));
    this.version(6).stores(SCHEMA_V6);
    installWritePath(this);
    installPairSummaries(this);
  }

  /** A synced table whose name is only known at run time: its records as merge sees them. */
  syncedTable(name: SyncedTable): Table<GenericRecord, string> {
    return this.table(name) as unknown as Table<GenericRecord, string>;
  }
}

type SyncedTables = { [N in SyncedTable]: Table<SyncedRecords[N], string> };
// Compile-time: the class has a typed member for every synced table.
export type _EverySyncedTableTyped = NastavnikDb extends SyncedTables ? true : never;
const _everySyncedTableTyped: _EverySyncedTableTyped = true;
void _everySyncedTableTyped;

let instance: NastavnikDb | null = null;

/** The app's database. Tests make their own `new NastavnikDb(name)`. */
export function getDb(): NastavnikDb {
  if (!instance) instance = new NastavnikDb();
  return instance;
}
