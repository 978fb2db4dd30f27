import { sameJson } from './canonicalJson';
import { DELETED_FIELD, fieldEntries, isEnvelopeKey, legacyWrite, type VersionedRecord } from './envelope';
import { isPlainObject } from './bundle/safeJson';
import { isHlc } from './hlc';

/**
 * The one pipeline that brings older data to the current shape. Each step runs both on the records of an imported
 * file (src/domain/bundle/migrations.ts) and on this device's stored records when the database upgrades
 * (src/storage/db.ts), so a record migrates the same way wherever it is. Steps are pure, run in order, never
 * removed once released, and **idempotent**: data already in a step's output shape passes unchanged, because the
 * database cannot always tell which shape a record was stored in.
 *
 * Data version = the bundle's `formatVersion`. Version 1: questionnaires before their builder. Version 2: one
 * stamp per record and whole kept versions. Version 3: stamps per field (`writes`, `fieldWrites`) and kept values
 * per field.
 */
export interface DataStep {
  readonly name: string;
  /** The data version it upgrades from. */
  readonly from: number;
  /** One record of a table (a record of a table this step does not touch comes back as it is). */
  record?(table: string, r: Record<string, unknown>): Record<string, unknown>;
  /**
   * One kept conflict entry (`{ table, recordId, … }` as a file lists it) into the entries that replace it, given
   * the already migrated record it belongs to.
   */
  kept?(entry: Record<string, unknown>, owner: Record<string, unknown> | undefined): Record<string, unknown>[];
}

const QUESTION_KINDS = new Set(['scale', 'one', 'many', 'text']);
const PHASES = new Set(['start', 'end', 'once']);

/** A questionnaire written before the builder (questions without ids, no role): the builder's shape. */
function upgradeQuestionnaire(r: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(r.questions) || r.questions.every((q) => isPlainObject(q) && typeof q.id === 'string')) return r;
  const questions = r.questions.map((q, i) => {
    const o = isPlainObject(q) ? q : {};
    const options = Array.isArray(o.options) ? o.options.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    let kind = typeof o.kind === 'string' && QUESTION_KINDS.has(o.kind) ? o.kind : 'text';
    if ((kind === 'one' || kind === 'many') && options.length < 2) kind = 'text';
    return { id: `q${i + 1}`, kind, text: typeof o.text === 'string' && o.text.trim() ? o.text : `Вопрос ${i + 1}`, options: kind === 'one' || kind === 'many' ? options : [] };
  });
  return {
    ...r,
    role: r.role === 'mentor' ? 'mentor' : 'mentee',
    formIds: Array.isArray(r.formIds) ? r.formIds : [],
    beforeAfter: r.beforeAfter === true,
    description: typeof r.description === 'string' ? r.description : '',
    questions,
  };
}

/** A response of that time (answers as a list in question order): answers by question id, answered once. */
function upgradeResponse(r: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(r.answers)) return r;
  const answeredOn = typeof r.answeredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.answeredOn) ? r.answeredOn : String(r.createdAt ?? '').slice(0, 10);
  return {
    ...r,
    mentorshipId: typeof r.mentorshipId === 'string' ? r.mentorshipId : '',
    phase: typeof r.phase === 'string' && PHASES.has(r.phase) ? r.phase : 'once',
    answeredOn,
    answers: Object.fromEntries(r.answers.map((a, i) => [`q${i + 1}`, a])),
  };
}

function hasEnvelopeStamp(r: Record<string, unknown>): r is Record<string, unknown> & { hlc: string; vv: Record<string, number> } {
  return typeof r.hlc === 'string' && isHlc(r.hlc) && isPlainObject(r.vv);
}

/** A record of format 2 was one write: every field it holds was set by it. */
function addWrites(r: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(r.writes) || !hasEnvelopeStamp(r)) return r;
  return { ...r, writes: [legacyWrite(r)] };
}

/**
 * A kept version of format 2 (a whole record that lost to `owner`) as the values in which it differs from the
 * owner, each under the losing write: what the field-level merge keeps.
 */
function keptVersionToValues(entry: Record<string, unknown>, owner: Record<string, unknown> | undefined): Record<string, unknown>[] {
  if (typeof entry.field === 'string') return [entry];
  const k = entry.version;
  if (!isPlainObject(k) || !owner || !hasEnvelopeStamp(k) || !Array.isArray(owner.writes)) return [];
  const write = legacyWrite(k);
  const current = fieldEntries(owner as VersionedRecord);
  // Other members (a device's `detectedAt`) stay; the old row id and the whole version go.
  const { version: _version, id: _id, ...rest } = entry;
  const base = { ...rest, write };
  const out: Record<string, unknown>[] = [];
  if ((k.deleted === true) !== (owner.deleted === true)) out.push({ ...base, field: DELETED_FIELD, value: k.deleted === true });
  const fields = new Set([...Object.keys(k), ...Object.keys(owner)].filter((f) => !isEnvelopeKey(f)));
  for (const field of [...fields].sort()) {
    const has = Object.hasOwn(k, field) && k[field] !== undefined;
    const cur = current.get(field);
    if (!has && !cur?.has) continue;
    if (has && cur?.has && sameJson(k[field], cur.value)) continue;
    out.push(has ? { ...base, field, value: k[field] } : { ...base, field });
  }
  return out;
}

export const DATA_STEPS: readonly DataStep[] = [
  {
    name: 'анкеты и ответы в виде конструктора анкет',
    from: 1,
    record: (table, r) => (table === 'questionnaires' ? upgradeQuestionnaire(r) : table === 'responses' ? upgradeResponse(r) : r),
  },
  {
    name: 'отметки записи для каждого поля и конфликты по полям',
    from: 2,
    record: (_table, r) => addWrites(r),
    kept: keptVersionToValues,
  },
  {
    // Format 4 adds the synced table `erasures` (docs/ERASURE.md). A file of format 3 has none, so its data keeps its
    // shape; the version exists so that an app of format 3, which would skip an unknown table and keep the erased
    // person's data, refuses a file of format 4 with «обновите приложение» instead.
    name: 'записи об уничтожении персональных данных (таблица erasures)',
    from: 3,
  },
];

/** The records and kept entries of a replica or a file, as plain data. */
export interface MigratableData {
  tables: Record<string, unknown[]>;
  conflicts: unknown[];
}

/** One step over all the data: records first, then the kept entries against their migrated records. */
export function applyDataStep(step: DataStep, data: MigratableData): MigratableData {
  const tables: Record<string, unknown[]> = {};
  for (const [t, list] of Object.entries(data.tables))
    tables[t] = Array.isArray(list) && step.record ? list.map((r) => (isPlainObject(r) ? step.record!(t, r) : r)) : list;
  let conflicts = data.conflicts;
  if (step.record)
    conflicts = conflicts.map((c) =>
      isPlainObject(c) && typeof c.table === 'string' && isPlainObject(c.version) ? { ...c, version: step.record!(c.table, c.version) } : c,
    );
  if (step.kept) {
    const owners = new Map<string, Record<string, unknown>>();
    for (const [t, list] of Object.entries(tables))
      if (Array.isArray(list)) for (const r of list) if (isPlainObject(r) && typeof r.id === 'string') owners.set(`${t}|${r.id}`, r);
    conflicts = conflicts.flatMap((c) => (isPlainObject(c) ? step.kept!(c, owners.get(`${String(c.table)}|${String(c.recordId)}`)) : [c]));
  }
  return { tables, conflicts };
}

/** Every step from `from` on, in order; the names of those that ran. */
export function migrateData(data: MigratableData, from: number, steps: readonly DataStep[] = DATA_STEPS): { data: MigratableData; applied: string[] } {
  let current = data;
  const applied: string[] = [];
  for (const step of steps) {
    if (step.from < from) continue;
    current = applyDataStep(step, current);
    applied.push(step.name);
  }
  return { data: current, applied };
}
