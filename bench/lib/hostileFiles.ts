// Files for bench/hostile.mjs, made with the app's own code (run in Node through Vite's module runner): the
// synthetic school as «Обмен» saves it (buildBundle + encodeBundle, gzip), the same school grown to some 200,000
// records (copies of its meetings and plan items under new ids), and any bytes encrypted as the app encrypts a file.
import { buildBundle } from '../../src/domain/bundle/format';
import { encodeBundle, encryptBytes, KDF_ITERATIONS } from '../../src/storage/bundle/codec';
import type { VersionedRecord } from '../../src/domain/envelope';
import type { SyncedTable } from '../../src/domain/syncedTables';

type Tables = Partial<Record<SyncedTable, VersionedRecord[]>>;

/** A copy's id: the uuid with its first 8 hex digits replaced by a counter, skipping any id already taken. */
function copyIds(taken: Set<string>) {
  let n = 0;
  return (id: string) => {
    for (;;) {
      const next = `${(n++).toString(16).padStart(8, '0')}${id.slice(8)}`;
      if (!taken.has(next)) {
        taken.add(next);
        return next;
      }
    }
  };
}

/** The school with `copies` more of each meeting and plan item (plan items keep their plan, meetings their pair). */
export function grown(tables: Tables, copies: number): Tables {
  const out: Tables = { ...tables };
  for (const t of ['meetings', 'planItems'] as const) {
    const rows = tables[t] ?? [];
    const copyId = copyIds(new Set(rows.map((r) => r.id)));
    out[t] = [...rows, ...Array.from({ length: copies }, () => rows.map((r) => ({ ...r, id: copyId(r.id) }))).flat()];
  }
  return out;
}

export async function schoolFile(tables: Tables): Promise<{ bytes: Uint8Array; records: number }> {
  const school = tables.school![0]! as VersionedRecord & { name: string };
  const bundle = await buildBundle({
    appVersion: 'bench',
    schemaVersion: 6,
    createdAt: '2026-05-20T08:00:00.000Z',
    device: { id: 'bench0000000', name: 'Телефон куратора' },
    school: { id: school.id, name: school.name },
    scope: { kind: 'school' },
    tables,
    conflicts: [],
  });
  const records = Object.values(tables).reduce((n, rows) => n + (rows?.length ?? 0), 0);
  return { bytes: await encodeBundle(bundle), records };
}

export const encrypted = (bytes: Uint8Array, passphrase: string) => encryptBytes(bytes as Uint8Array<ArrayBuffer>, passphrase, KDF_ITERATIONS);
