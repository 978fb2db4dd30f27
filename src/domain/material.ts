import { z } from 'zod';
import type { Stored } from './envelope';
import { type TablePersonalData } from './personalData';
import { formatBytes } from './text';

/** Files the app keeps: 50 MB each at most (a phone's storage is shared with photos and messengers). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MATERIAL_AUDIENCES = ['all', 'mentor', 'mentee', 'curator'] as const;
export const MATERIAL_AUDIENCE_LABELS: Record<(typeof MATERIAL_AUDIENCES)[number], string> = {
  all: 'для всех',
  mentor: 'для наставников',
  mentee: 'для наставляемых',
  curator: 'для куратора',
};

/**
 * A methodological material or a roadmap row's document: the record (title, description, for whom, the file's
 * name, type and size) travels in bundles; the file itself stays in this device's `files` table, and travels only
 * in a whole-school bundle «вместе с файлами» (src/domain/bundle/attachments.ts).
 */
export const materialInputSchema = z.object({
  title: z.string().trim().min(1, 'Укажите название').max(200, 'Название: не длиннее 200 символов'),
  description: z.string().trim().max(2000, 'Описание: не длиннее 2000 символов').default(''),
  audience: z.enum(MATERIAL_AUDIENCES, { message: 'Выберите, для кого материал' }).default('all'),
  formIds: z.array(z.string().min(1)).default([]),
  fileName: z.string().min(1, 'Выберите файл').max(255, 'Имя файла: не длиннее 255 символов'),
  mimeType: z.string().max(120).default(''),
  size: z
    .number()
    .int()
    .min(1, 'Файл пустой')
    .max(MAX_FILE_BYTES, `Файл больше ${formatBytes(MAX_FILE_BYTES)}: такой лучше хранить в облаке школы и дать ссылку в описании`),
  /** The roadmap row this file is the resulting document of; '' for a methodological material. */
  roadmapTaskId: z.string().default(''),
});
export type MaterialFields = z.output<typeof materialInputSchema>;

/** Personal data of this table and what erasure leaves of it (src/domain/personalData.ts, docs/ERASURE.md). */
export const MATERIAL_PERSONAL_DATA: TablePersonalData<MaterialFields> = {
  personal: {},
  kept: ['title', 'description', 'audience', 'formIds', 'fileName', 'mimeType', 'size', 'roadmapTaskId'],
  action: 'anonymise',
};
export type Material = Stored<MaterialFields>;

export function totalSize(materials: readonly Pick<MaterialFields, 'size'>[]): number {
  return materials.reduce((n, m) => n + m.size, 0);
}
