/** The zod schemas of ./attachments: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../material';
import type { VersionedRecord } from '../envelope';
import { err, ok, type Result } from './result';
import { type ArchiveEntryInfo, type AttachmentEntry, type AttachmentError, archiveFileEntry, bad } from './attachments';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const attachmentEntrySchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w-]+$/, 'идентификатор файла: только буквы, цифры, «-» и «_»'),
    fileName: z.string().min(1).max(255),
    mimeType: z.string().max(120),
    size: z.number().int().min(1).max(MAX_FILE_BYTES),
    sha256: z.string().regex(SHA256_HEX, 'контрольная сумма файла: 64 шестнадцатеричных знака'),
  })
  .strict();
export const attachmentManifestSchema = z.object({ files: z.array(attachmentEntrySchema).max(10_000) }).strict();
/**
 * The list of files against the bundle it came with: each file belongs to a live material of the bundle, has that
 * material's size, and is in the archive once; nothing in the archive is left unlisted.
 */
export function checkManifest(
  manifest: unknown,
  materials: readonly VersionedRecord[],
  entries: readonly ArchiveEntryInfo[],
): Result<AttachmentEntry[], AttachmentError> {
  const parsed = attachmentManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (${issue.path.map(String).join('.')})` : '';
    return err({ kind: 'notABundle', detail: `список файлов материалов неверен${where}: ${issue.message}` });
  }
  const byId = new Map(materials.map((m) => [m.id, m]));
  const sizes = new Map(entries.map((e) => [e.name, e.size]));
  const seen = new Set<string>();
  for (const f of parsed.data.files) {
    if (seen.has(f.id)) return bad(f.fileName, 'указан в списке дважды');
    seen.add(f.id);
    const m = byId.get(f.id);
    if (!m || m.deleted) return bad(f.fileName, 'в файле обмена нет материала, к которому он относится');
    if (m.size !== f.size) return bad(f.fileName, `размер ${f.size} Б, а у материала указано ${String(m.size)} Б`);
    const declared = sizes.get(archiveFileEntry(f.id));
    if (declared === undefined) return bad(f.fileName, 'его нет в архиве');
    if (declared !== f.size) return bad(f.fileName, `в архиве ${declared} Б вместо ${f.size} Б`);
  }
  for (const e of entries) {
    if (!e.name.startsWith('files/') || e.name === 'files/') continue;
    if (!seen.has(e.name.slice('files/'.length))) return err({ kind: 'notABundle', detail: `файл «${e.name.slice(0, 120)}» есть в архиве, но не в списке` });
  }
  return ok(parsed.data.files);
}
