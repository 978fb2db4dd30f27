import { materialsWithFiles, sha256Bytes, type BundleAttachment } from '../../domain/bundle/attachments';
import type { Bundle } from '../../domain/bundle/format';
import type { VersionedRecord } from '../../domain/envelope';
import type { NastavnikDb } from '../db';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : -1);

/** The files this device holds for live materials, for the export screen: how many and how large. */
export async function materialFilesSummary(db: NastavnikDb): Promise<{ count: number; bytes: number; missing: number }> {
  const materials = (await db.materials.toArray()).map((m) => ({ id: m.id, size: num(m.size), deleted: m.deleted }));
  const have = new Set((await db.files.toCollection().primaryKeys()) as string[]);
  const r = materialsWithFiles(materials, have);
  return { count: r.items.length, bytes: r.bytes, missing: r.missing };
}

/**
 * The files of the bundle's live materials that this device holds, read and hashed, ready for the archive. A file
 * whose size differs from its record's is left out: the importing device would refuse it.
 */
export async function collectAttachments(db: NastavnikDb, bundle: Pick<Bundle, 'tables'>): Promise<BundleAttachment[]> {
  const live = (bundle.tables.materials ?? []).filter((m: VersionedRecord) => !m.deleted);
  const rows = await db.files.bulkGet(live.map((m) => m.id));
  const out: BundleAttachment[] = [];
  for (const [i, m] of live.entries()) {
    const blob = rows[i]?.blob;
    if (!blob || blob.size !== m.size) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    out.push({ id: m.id, fileName: str(m.fileName) || m.id, mimeType: str(m.mimeType), size: bytes.byteLength, sha256: await sha256Bytes(bytes), bytes });
  }
  return out;
}
