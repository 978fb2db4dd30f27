import type { z } from 'zod';
import type { Stored } from './envelope';
import type { TablePersonalData } from './personalData';
import type { materialInputSchema } from './material.schema';

/** Files the app keeps: 50 MB each at most (a phone's storage is shared with photos and messengers). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MATERIAL_AUDIENCES = ['all', 'mentor', 'mentee', 'curator'] as const;
export const MATERIAL_AUDIENCE_LABELS: Record<(typeof MATERIAL_AUDIENCES)[number], string> = {
  all: 'для всех',
  mentor: 'для наставников',
  mentee: 'для наставляемых',
  curator: 'для куратора',
};

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
