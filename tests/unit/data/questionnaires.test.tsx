// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import {
  recentRespondentsKey,
  useQuestionnaire,
  useQuestionnaireResponses,
  useQuestionnaires,
  useRecentRespondents,
  useResponsesTo,
} from '../../../src/data/questionnaires';
import { getDb } from '../../../src/storage/db';
import { saveDraft } from '../../../src/storage/drafts';
import { addTemplate, questionnairesRepo, responsesRepo } from '../../../src/storage/yearWork';

const answer = (questionnaireId: string, respondentId: string) => ({ questionnaireId, respondentId, mentorshipId: '', phase: 'once' as const, answeredOn: '2025-10-01', answers: {} });

afterEach(async () => {
  cleanup();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the questionnaires’ hooks', () => {
  it('useQuestionnaires and useQuestionnaireResponses list the live ones and drop deleted ones', async () => {
    const list = renderHook(() => useQuestionnaires());
    const all = renderHook(() => useQuestionnaireResponses());
    expect(list.result.current).toBeUndefined();
    await waitFor(() => expect(list.result.current).toEqual([]));
    await waitFor(() => expect(all.result.current).toEqual([]));
    const a = await addTemplate('tpl-mentee-satisfaction');
    const b = await addTemplate('tpl-mentor-satisfaction');
    const r = await responsesRepo.save(answer(a.id, 'p1'));
    await waitFor(() => expect(list.result.current?.map((q) => q.id).sort()).toEqual([a.id, b.id].sort()));
    await waitFor(() => expect(all.result.current?.map((x) => x.id)).toEqual([r.id]));
    await questionnairesRepo.remove(b.id);
    await responsesRepo.remove(r.id);
    await waitFor(() => expect(list.result.current?.map((q) => q.id)).toEqual([a.id]));
    await waitFor(() => expect(all.result.current).toEqual([]));
  });

  it('useQuestionnaire is null without an id or for an unknown one, and follows its questionnaire', async () => {
    const none = renderHook(() => useQuestionnaire(undefined));
    const unknown = renderHook(() => useQuestionnaire('nope'));
    await waitFor(() => expect(none.result.current).toBeNull());
    await waitFor(() => expect(unknown.result.current).toBeNull());
    const a = await addTemplate('tpl-mentee-satisfaction');
    const { result } = renderHook(() => useQuestionnaire(a.id));
    await waitFor(() => expect(result.current?.role).toBe('mentee'));
    const { id: _id, ...fields } = a;
    void _id;
    await questionnairesRepo.save({ ...fields, title: 'Удовлетворённость' }, a.id);
    await waitFor(() => expect(result.current?.title).toBe('Удовлетворённость'));
    await questionnairesRepo.remove(a.id);
    await waitFor(() => expect(result.current).toBeNull());
  });

  it('useResponsesTo holds only that questionnaire’s responses', async () => {
    const a = await addTemplate('tpl-mentee-satisfaction');
    const b = await addTemplate('tpl-mentor-satisfaction');
    await responsesRepo.save(answer(b.id, 'p2'));
    const { result } = renderHook(() => useResponsesTo(a.id));
    await waitFor(() => expect(result.current).toEqual([]));
    await responsesRepo.save(answer(a.id, 'p1'));
    await waitFor(() => expect(result.current?.map((r) => r.respondentId)).toEqual(['p1']));
  });

  it('useRecentRespondents reads this device’s respondents of the questionnaire’s role, [] for none or no questionnaire', async () => {
    const unknown = renderHook(() => useRecentRespondents('nope'));
    await waitFor(() => expect(unknown.result.current).toEqual([]));
    const a = await addTemplate('tpl-mentee-satisfaction');
    await saveDraft(recentRespondentsKey('mentor'), ['p9']);
    const { result } = renderHook(() => useRecentRespondents(a.id));
    await waitFor(() => expect(result.current).toEqual([]));
    await saveDraft(recentRespondentsKey('mentee'), ['p2', 'p1']);
    await waitFor(() => expect(result.current).toEqual(['p2', 'p1']));
  });
});
