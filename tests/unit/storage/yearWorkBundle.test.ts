import { afterEach, describe, expect, it } from 'vitest';
import { Repository } from '../../../src/storage/repository';
import { addMaterial, ensureRoadmap } from '../../../src/storage/yearWork';
import type { RoadmapTask } from '../../../src/domain/roadmap';
import { QUESTIONNAIRE_TEMPLATES } from '../../../src/domain/questionnaireTemplates';
import { stripEnvelope } from '../../../src/domain/envelope';
import { recognitionInputSchema } from '../../../src/domain/recognition.schema';
import { practiceInputSchema } from '../../../src/domain/practice.schema';
import { carryForged, closeAll, dumpData, exchange, newDb, seedSchool } from './bundleHelpers';
import { RecordRejected } from '../../../src/domain/recordRules';
import { bundleErrorMessage } from '../../../src/domain/bundle/errors';

afterEach(closeAll);

/** The tables issue 5 uses travel in bundles and merge; files stay on their device. */
describe('roadmap, training, materials and questionnaires in bundles', () => {
  it('reach the other device exactly (without the files), and an edit there comes back as an update', async () => {
    const a = await newDb();
    const b = await newDb();
    const { t1, s1, m1 } = await seedSchool(a);
    await ensureRoadmap('2025/2026', a);
    const group = await new Repository(a, 'trainingGroups').save({ name: 'Группа 1', memberIds: [t1.id], notes: '' });
    await new Repository(a, 'trainingSessions').save({
      groupId: group.id,
      kind: 'session',
      date: '2025-10-01',
      topic: 'Роль наставника',
      expert: 'Иванова М. П.',
      format: 'inPerson',
      attendeeIds: [t1.id],
    });
    const { id: qid, ...tpl } = QUESTIONNAIRE_TEMPLATES[0]!;
    await new Repository(a, 'questionnaires').save(tpl, qid);
    await new Repository(a, 'responses').save({
      questionnaireId: qid,
      respondentId: s1.id,
      mentorshipId: m1.id,
      phase: 'start',
      answeredOn: '2025-10-01',
      answers: { interest: 6, confidence: 4, goals: 5, planning: 5, speaking: 3, teamwork: 7, career: 4, help: ['учёба'], expect: 'Научиться выступать' },
    });
    await addMaterial({ title: 'Памятка', description: '', audience: 'mentor', formIds: [], fileName: 'p.pdf', mimeType: 'application/pdf', size: 4, roadmapTaskId: '' }, new Blob(['%PDF']), a);

    const r = await exchange(a, b);
    expect(r.perTable).toMatchObject({ roadmapTasks: { new: 14 }, trainingGroups: { new: 1 }, trainingSessions: { new: 1 }, questionnaires: { new: 1 }, responses: { new: 1 }, materials: { new: 1 } });
    expect(await dumpData(b)).toEqual(await dumpData(a));
    expect(await b.files.count()).toBe(0);

    const row = (await b.roadmapTasks.get('roadmap-2025-2026-07')) as unknown as RoadmapTask;
    await new Repository(b, 'roadmapTasks').save({ ...stripEnvelope(row), status: 'done', doneOn: '2025-10-30' }, row.id);
    const back = await exchange(b, a);
    expect(back.perTable.roadmapTasks).toMatchObject({ updated: 1, conflict: 0 });
    expect(((await a.roadmapTasks.get('roadmap-2025-2026-07')) as unknown as RoadmapTask).status).toBe('done');
  });

  it('a response whose answers break the rules is refused on import, naming the table', async () => {
    const a = await newDb();
    const b = await newDb();
    await seedSchool(a);
    const bad = {
      id: 'r1',
      questionnaireId: 'q',
      respondentId: 'p',
      mentorshipId: '',
      phase: 'sometime',
      answeredOn: '2025-10-01',
      answers: {},
      createdAt: '2025-10-01T00:00:00.000Z',
      updatedAt: '2025-10-01T00:00:00.000Z',
      hlc: '000mfgkday0:00000:dev000000001',
      vv: { dev000000001: 1 },
      deleted: false,
      writes: ['000mfgkday0:00000:dev000000001#1'],
    } as const;
    await expect(a.responses.put(bad as never)).rejects.toThrow(RecordRejected);
    const forged = await carryForged(a, (t) => t.responses!.push(bad as never));
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(bundleErrorMessage(forged.error)).toMatch(/Ответы на анкеты/);
    expect(await b.responses.count()).toBe(0);
  });

  it('recognitions and practices travel and merge; one with a kind this app does not know is refused, naming the table and field', async () => {
    const a = await newDb();
    const b = await newDb();
    const { t1 } = await seedSchool(a);
    const recognitions = new Repository(a, 'recognitions');
    const r = await recognitions.save(recognitionInputSchema.parse({ personId: t1.id, kind: 'certificate', reason: 'За олимпиаду', date: '2026-05-20' }));
    const practice = await new Repository(a, 'practices').save(
      practiceInputSchema.parse({ title: 'Проектная лаборатория', authorIds: [t1.id], academicYear: '2025/2026', description: 'Проекты в парах' }),
    );
    expect((await exchange(a, b)).perTable).toMatchObject({ recognitions: { new: 1 }, practices: { new: 1 } });
    expect(await b.practices.get(practice.id)).toEqual(await a.practices.get(practice.id));
    expect(await b.recognitions.get(r.id)).toEqual(await a.recognitions.get(r.id));

    await expect(a.recognitions.put({ ...(await a.recognitions.get(r.id))!, kind: 'medal' as never })).rejects.toThrow(RecordRejected);
    const forged = await carryForged(a, (t) => (t.recognitions![0]!.kind = 'medal'));
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(bundleErrorMessage(forged.error)).toMatch(/Таблица «Поощрения», запись № 1/);
  });
});
