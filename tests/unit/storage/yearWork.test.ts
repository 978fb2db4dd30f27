import { afterEach, describe, expect, it } from 'vitest';
import { NastavnikDb, getDb } from '../../../src/storage/db';
import { addMaterial, completeWithDocument, ensureRoadmap, materialFile, removeMaterial, saveIndicatorTargets, saveSwot } from '../../../src/storage/yearWork';
import { swotSchema } from '../../../src/domain/school.schema';
import { getSchool, saveSchool } from '../../../src/storage/repositories';
import { Repository } from '../../../src/storage/repository';
import type { RoadmapTask } from '../../../src/domain/roadmap';

let n = 0;
const dbs: NastavnikDb[] = [];
const fresh = () => {
  const db = new NastavnikDb(`year-${n++}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const pdf = () => new Blob(['%PDF-1.4 приказ'], { type: 'application/pdf' });

describe('the roadmap of a year', () => {
  it('is seeded once, under stable ids; a second device seeding the same year makes the same records', async () => {
    const a = fresh();
    const b = fresh();
    expect(await ensureRoadmap('2025/2026', a)).toBe(14);
    expect(await ensureRoadmap('2025/2026', a)).toBe(0);
    await ensureRoadmap('2025/2026', b);
    expect((await a.roadmapTasks.toArray()).map((r) => r.id).sort()).toEqual((await b.roadmapTasks.toArray()).map((r) => r.id).sort());
  });
  it('a row the curator deleted is not brought back by seeding again', async () => {
    const db = fresh();
    await ensureRoadmap('2025/2026', db);
    await new Repository(db, 'roadmapTasks').remove('roadmap-2025-2026-01');
    expect(await ensureRoadmap('2025/2026', db)).toBe(0);
    expect((await db.roadmapTasks.get('roadmap-2025-2026-01'))!.deleted).toBe(true);
  });
  it('a resulting document marks the row done and keeps the file, all in one transaction', async () => {
    const db = fresh();
    await ensureRoadmap('2025/2026', db);
    const m = await completeWithDocument('roadmap-2025-2026-10', { name: 'Приказ 125-од.pdf', type: 'application/pdf', size: 18, blob: pdf() }, '2025-11-20', db);
    const row = (await db.roadmapTasks.get('roadmap-2025-2026-10')) as unknown as RoadmapTask;
    expect(row).toMatchObject({ status: 'done', doneOn: '2025-11-20' });
    expect(m).toMatchObject({ roadmapTaskId: 'roadmap-2025-2026-10', fileName: 'Приказ 125-од.pdf' });
    expect(await (await materialFile(m.id, db))!.text()).toBe('%PDF-1.4 приказ');
    await expect(completeWithDocument('нет-такой', { name: 'x.pdf', type: '', size: 1, blob: pdf() }, '2025-11-20', db)).rejects.toThrow(/не найдена/);
    expect(await db.materials.count()).toBe(1);
  });
});

describe('materials', () => {
  it('a file is stored with its record; deleting leaves a tombstone that travels and frees the file', async () => {
    const db = fresh();
    const m = await addMaterial({ title: 'Памятка наставника', description: '', audience: 'mentor', formIds: [], fileName: 'pamyatka.pdf', mimeType: 'application/pdf', size: 18, roadmapTaskId: '' }, pdf(), db);
    expect(await db.files.count()).toBe(1);
    await removeMaterial(m.id, db);
    expect((await db.materials.get(m.id))!.deleted).toBe(true);
    expect(await db.files.count()).toBe(0);
  });
});

describe('the SWOT analysis', () => {
  it('is kept in the school profile; saving the profile form keeps it, and a part over 4000 characters is refused', async () => {
    const db = getDb();
    await saveSchool({ name: 'Школа № 2', academicYear: '2025/2026', studentsTotal: 420, teachersTotal: 38, consentAge: 14, directorName: '', curatorName: '' });
    const swot = swotSchema.parse({ strengths: 'Все пары провели пять встреч', threats: 'Отток педагогов' });
    await saveSwot(swot);
    await saveSchool({ name: 'Школа № 2 с. п. Кахун', academicYear: '2025/2026', studentsTotal: 420, teachersTotal: 38, consentAge: 14, directorName: '', curatorName: '' });
    expect((await getSchool())!.swot).toEqual({ strengths: 'Все пары провели пять встреч', weaknesses: '', opportunities: '', threats: 'Отток педагогов' });
    const long = swotSchema.safeParse({ weaknesses: 'я'.repeat(4001) });
    expect(!long.success && long.error.issues[0]!.message).toBe('Слабые стороны: не длиннее 4000 символов');
    await db.school.clear();
  });
});

describe('indicator targets', () => {
  it('are kept in the school profile, and saving the profile form keeps them', async () => {
    const db = getDb();
    await saveSchool({ name: 'Школа № 2', academicYear: '2025/2026', studentsTotal: 420, teachersTotal: 38, consentAge: 14, directorName: '', curatorName: '' });
    await saveIndicatorTargets({ consents: 0.95 });
    await saveSchool({ name: 'Школа № 2 с. п. Кахун', academicYear: '2025/2026', studentsTotal: 421, teachersTotal: 38, consentAge: 14, directorName: '', curatorName: '' });
    expect(await getSchool()).toMatchObject({ name: 'Школа № 2 с. п. Кахун', studentsTotal: 421, indicatorTargets: { consents: 0.95 } });
    await db.school.clear();
  });
});
