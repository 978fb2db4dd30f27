import type { z } from 'zod';
import type { BundleError } from './errors';
import { err, ok, type Result } from './result';
import type { attachmentEntrySchema, attachmentManifestSchema } from './attachments.schema';

/**
 * Files of materials inside a whole-school bundle (docs/BUNDLE_FORMAT.md, «Файлы материалов»).
 *
 * A bundle with files is a ZIP archive that any archiver opens:
 * ```
 * bundle.json        the bundle exactly as a plain .json file holds it (deflated)
 * files.json         the list of files: { files: [{ id, fileName, mimeType, size, sha256 }] }
 * files/<id>         each file's bytes as stored on the device (not recompressed: PDF, DOCX, JPEG already are)
 * ```
 * A file belongs to the material record with the same id, which is in `bundle.json`. Files never change after they
 * are added (a new file is a new material), so the merge of files is simple: a device takes a file it lacks for a
 * material that is alive after the import, and keeps the one it has otherwise.
 */
export const ARCHIVE_BUNDLE_ENTRY = 'bundle.json';
export const ARCHIVE_MANIFEST_ENTRY = 'files.json';
export const archiveFileEntry = (id: string) => `files/${id}`;

export type AttachmentEntry = z.output<typeof attachmentEntrySchema>;

export type AttachmentManifest = z.output<typeof attachmentManifestSchema>;

/** A checked file of the archive, ready to be stored. */
export interface BundleAttachment extends AttachmentEntry {
  bytes: Uint8Array;
}

/** What an archive holds, as read from its directory before anything is unpacked. */
export interface ArchiveEntryInfo {
  name: string;
  /** The unpacked size the archive declares. */
  size: number;
}

export type AttachmentError = Extract<BundleError, { kind: 'invalidAttachment' | 'notABundle' | 'tooLarge' }>;

/** A refused file of materials: its name and why (the manifest check in ./attachments.schema.ts uses it too). */
export const bad = (fileName: string, reason: string): Result<never, AttachmentError> => err({ kind: 'invalidAttachment', fileName, reason });

/**
 * The archive's directory, checked before it is unpacked: the bundle is there, no entry is unexpected, and the sizes
 * it declares fit the limit (an archive can declare little and unpack to gigabytes; the unpacking stops at the
 * declared sizes).
 */
export function checkArchiveDirectory(entries: readonly ArchiveEntryInfo[], limit: number): Result<void, AttachmentError> {
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (names.has(e.name)) return err({ kind: 'notABundle', detail: `в архиве дважды встречается «${e.name.slice(0, 120)}»` });
    names.add(e.name);
    const known = e.name === ARCHIVE_BUNDLE_ENTRY || e.name === ARCHIVE_MANIFEST_ENTRY || /^files\/[\w-]{1,100}$/.test(e.name) || e.name === 'files/';
    if (!known) return err({ kind: 'notABundle', detail: `в архиве лишний файл «${e.name.slice(0, 120)}»` });
    total += e.size;
  }
  if (!names.has(ARCHIVE_BUNDLE_ENTRY)) return err({ kind: 'notABundle', detail: `в архиве нет «${ARCHIVE_BUNDLE_ENTRY}»` });
  if (total > limit) return err({ kind: 'tooLarge', bytes: total, limit });
  return ok(undefined);
}

/** The unpacked bytes against the list: the exact size and SHA-256, so a damaged file is never stored. */
export async function checkAttachmentBytes(entry: AttachmentEntry, bytes: Uint8Array): Promise<Result<BundleAttachment, AttachmentError>> {
  if (bytes.byteLength !== entry.size) return bad(entry.fileName, 'файл в архиве повреждён (не тот размер)');
  if ((await sha256Bytes(bytes)) !== entry.sha256) return bad(entry.fileName, 'файл в архиве повреждён (контрольная сумма не совпадает)');
  return ok({ ...entry, bytes });
}

export async function sha256Bytes(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether files of this total size can go into a bundle that another device will accept: the records of a school
 * take a few MB compressed, so a tenth of the limit is left for them.
 */
export function filesFitBundle(bytes: number, limit: number): boolean {
  return bytes <= limit * 0.9;
}

/**
 * The files of the bundle that the importing device takes: those of materials alive after the merge (with the size
 * the record says), which it does not hold yet. A file never changes after it is added, so one already here stays.
 */
export function attachmentsToStore<A extends { id: string; size: number }>(
  attachments: readonly A[],
  materialAfter: (id: string) => { deleted?: boolean; size?: unknown } | undefined,
  held: (id: string) => boolean,
): A[] {
  return attachments.filter((a) => {
    const m = materialAfter(a.id);
    return m !== undefined && !m.deleted && m.size === a.size && !held(a.id);
  });
}

/**
 * Which files a whole-school bundle can carry: the live materials whose file is on this device. They go all or
 * nothing: a backup with half the files would look complete and is not.
 */
export function materialsWithFiles<T extends { id: string; size: number; deleted?: boolean }>(
  materials: readonly T[],
  haveFile: ReadonlySet<string>,
): { items: T[]; bytes: number; missing: number } {
  const live = materials.filter((m) => !m.deleted);
  const items = live.filter((m) => haveFile.has(m.id));
  return { items, bytes: items.reduce((n, m) => n + m.size, 0), missing: live.length - items.length };
}
