/** The zod schemas of ./material: apart from its rules, labels and types, so that those load without zod (issue 14). */
import { z } from 'zod';
import { formatBytes } from './text';
import { MATERIAL_AUDIENCES, MAX_FILE_BYTES } from './material';

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
