import { stripEnvelope } from '../domain/envelope';
import type { Material, MaterialFields } from '../domain/material';
import type { SwotFields } from '../domain/school';
import type { Questionnaire } from '../domain/questionnaire';
import type { RoadmapTask } from '../domain/roadmap';
import { getDb, type NastavnikDb } from './db';
import { ERASURE_CHECK_TABLES, Repository } from './repository';
import { getSchool, schoolRepo } from './repositories';
import { AppError } from '../domain/errors';

export const roadmapRepo = new Repository(getDb(), 'roadmapTasks');
export const materialsRepo = new Repository(getDb(), 'materials');
export const trainingGroupsRepo = new Repository(getDb(), 'trainingGroups');
export const trainingSessionsRepo = new Repository(getDb(), 'trainingSessions');
export const questionnairesRepo = new Repository(getDb(), 'questionnaires');
export const responsesRepo = new Repository(getDb(), 'responses');

/**
 * The roadmap of `academicYear`: the built-in template is written the first time the year is opened, in one
 * transaction, under stable ids, so two devices that both seed it hold one roadmap. A row the curator deleted
 * (a tombstone under the same id) is not brought back.
 */
export async function ensureRoadmap(academicYear: string, db: NastavnikDb = getDb()): Promise<number> {
  const repo = new Repository(db, 'roadmapTasks');
  // The template's texts load when a year is seeded, not with every screen that reads the roadmap (issue 14).
  const { roadmapTemplate } = await import('../domain/roadmapTemplate');
  const rows = roadmapTemplate(academicYear);
  return db.transaction('rw', ['roadmapTasks', 'meta', 'conflicts', ...ERASURE_CHECK_TABLES], async () => {
    const existing = await db.roadmapTasks.bulkGet(rows.map((r) => r.id));
    if (existing.some(Boolean) || (await db.roadmapTasks.filter((t) => t.academicYear === academicYear).count()) > 0) return 0;
    await repo.saveManyInTx(rows.map((r) => ({ id: r.id, fields: r.fields })));
    return rows.length;
  });
}

/** A file and its record, in one transaction: the record travels in bundles, the file stays on this device. */
export async function addMaterial(fields: MaterialFields, blob: Blob, db: NastavnikDb = getDb()): Promise<Material> {
  const repo = new Repository(db, 'materials');
  return db.transaction('rw', ['materials', 'files', 'meta', 'conflicts', ...ERASURE_CHECK_TABLES], async () => {
    const [saved] = await repo.saveManyInTx([{ fields }]);
    await db.files.put({ id: saved!.id, blob });
    return saved!;
  });
}

/** Deleting a material is a tombstone (it travels); its file is freed at once on this device. */
export async function removeMaterial(id: string, db: NastavnikDb = getDb()): Promise<void> {
  const repo = new Repository(db, 'materials');
  await db.transaction('rw', ['materials', 'files', 'meta', 'conflicts', ...ERASURE_CHECK_TABLES], async () => {
    await repo.remove(id);
    await db.files.delete(id);
  });
}

/** Ids of the materials whose file this device holds (a record may arrive by a bundle without its file). */
export async function heldFileIds(db: NastavnikDb = getDb()): Promise<Set<string>> {
  return new Set((await db.files.toCollection().primaryKeys()) as string[]);
}

export async function materialFile(id: string, db: NastavnikDb = getDb()): Promise<Blob | undefined> {
  return (await db.files.get(id))?.blob;
}

/** A roadmap row's resulting document: the file is kept as a material of the row, and the row is marked done. */
export async function completeWithDocument(taskId: string, file: { name: string; type: string; size: number; blob: Blob }, today: string, db: NastavnikDb = getDb()) {
  const tasks = new Repository(db, 'roadmapTasks');
  const materials = new Repository(db, 'materials');
  return db.transaction('rw', ['roadmapTasks', 'materials', 'files', 'meta', 'conflicts', ...ERASURE_CHECK_TABLES], async () => {
    const task = (await db.roadmapTasks.get(taskId)) as RoadmapTask | undefined;
    if (!task || task.deleted) throw new AppError('notFound', 'Строка дорожной карты не найдена');
    const [m] = await materials.saveManyInTx([
      {
        fields: { title: file.name, description: '', audience: 'curator', formIds: [], fileName: file.name, mimeType: file.type, size: file.size, roadmapTaskId: taskId },
      },
    ]);
    await db.files.put({ id: m!.id, blob: file.blob });
    await tasks.saveManyInTx([{ id: taskId, fields: { ...stripEnvelope(task), status: 'done', doneOn: task.doneOn || today } }]);
    return m!;
  });
}

/** Adds a built-in questionnaire under its stable id (again after a deletion, as a new version). */
export async function addTemplate(templateId: string): Promise<Questionnaire> {
  const { QUESTIONNAIRE_TEMPLATES } = await import('../domain/questionnaireTemplates');
  const t = QUESTIONNAIRE_TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new AppError('notFound', 'Нет такого шаблона');
  const { id, ...fields } = t;
  return questionnairesRepo.save(fields, id);
}

/** The school's own indicator targets, kept in its profile so they travel with it. */
export async function saveIndicatorTargets(targets: Record<string, number>): Promise<void> {
  const school = await getSchool();
  if (!school) throw new AppError('noSchool', 'Сначала заполните сведения о школе');
  await schoolRepo.save({ ...stripEnvelope(school), indicatorTargets: targets }, school.id);
}

/** The curator's SWOT analysis, kept in the school profile so that it travels with it. */
export async function saveSwot(swot: SwotFields): Promise<void> {
  const school = await getSchool();
  if (!school) throw new AppError('noSchool', 'Сначала заполните сведения о школе');
  await schoolRepo.save({ ...stripEnvelope(school), swot }, school.id);
}
