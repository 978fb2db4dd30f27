import type { VersionedRecord } from '../envelope';
import type { KeptValueEntry } from '../bundle/format';
import { SYNCED_TABLES, type SyncedTable } from '../syncedTables';
import { joinVv, type VersionVector } from '../versionVector';

/**
 * What this device knows another device (a *peer*) has seen: per record, a version vector that the peer's own copy
 * is known to cover. It only ever grows, and only from facts: the records of a file the peer sent (it held at
 * least those), and the records of a file we sent that the peer says it imported (its next file acknowledges our
 * file's id). It never grows on a mere export — a file can be lost on the way.
 *
 * A delta for the peer carries every record whose vector here is not covered by that knowledge. Because the
 * knowledge never claims more than the peer holds, the delta carries at least everything the peer lacks, so
 * importing it gives the peer what the whole scope would — and since merging a partial file leaves whatever it
 * does not carry untouched, a delta can never delete or overwrite what it does not carry.
 */
export type Knowledge = Record<string, VersionVector>;

export const knowledgeKey = (table: string, id: string) => `${table}|${id}`;

type Tables = Partial<Record<SyncedTable, readonly VersionedRecord[]>>;

function covered(vv: VersionVector, known: VersionVector | undefined): boolean {
  if (!known) return false;
  for (const [d, n] of Object.entries(vv)) if ((known[d] ?? 0) < n) return false;
  return true;
}

/** The knowledge after learning that the peer holds at least these records (its file, or ours it imported). */
export function learn(known: Knowledge, records: Iterable<[SyncedTable | string, Pick<VersionedRecord, 'id' | 'vv'>]>): Knowledge {
  const out: Knowledge = { ...known };
  for (const [table, r] of records) {
    const k = knowledgeKey(table, r.id);
    out[k] = out[k] ? joinVv(out[k], r.vv) : { ...r.vv };
  }
  return out;
}

/** Every record of a bundle's tables, as (table, record) pairs. */
export function* recordsOf(tables: Tables): Generator<[SyncedTable, VersionedRecord]> {
  for (const t of SYNCED_TABLES) for (const r of tables[t] ?? []) yield [t, r];
}

/** The vectors of a file's records, to remember what we sent. */
export function sentKnowledge(tables: Tables): Knowledge {
  return learn({}, recordsOf(tables));
}

/** Only what the peer has not seen, out of `tables` (a scope already chosen), with the kept values of what goes. */
export function selectDelta(tables: Tables, kept: readonly KeptValueEntry[], known: Knowledge): { tables: Record<SyncedTable, VersionedRecord[]>; kept: KeptValueEntry[] } {
  const out = Object.fromEntries(SYNCED_TABLES.map((t) => [t, [] as VersionedRecord[]])) as Record<SyncedTable, VersionedRecord[]>;
  const going = new Set<string>();
  for (const [t, r] of recordsOf(tables)) {
    if (covered(r.vv, known[knowledgeKey(t, r.id)])) continue;
    out[t].push(r);
    going.add(knowledgeKey(t, r.id));
  }
  return { tables: out, kept: kept.filter((k) => going.has(knowledgeKey(k.table, k.recordId))) };
}

/**
 * What the peer still lacks, out of `tables`: `unsent` records no file of ours has carried yet, and `awaiting` ones
 * a file carried that the peer has not acknowledged (it may be lost on the way; the next file carries them again).
 */
export function pendingForPeer(tables: Tables, known: Knowledge, sent: readonly { known: Knowledge }[]): { unsent: number; awaiting: number } {
  let unsent = 0;
  let awaiting = 0;
  for (const [t, r] of recordsOf(tables)) {
    const k = knowledgeKey(t, r.id);
    if (covered(r.vv, known[k])) continue;
    if (sent.some((s) => covered(r.vv, s.known[k]))) awaiting++;
    else unsent++;
  }
  return { unsent, awaiting };
}
