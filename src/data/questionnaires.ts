/** Diagnostic questionnaires and their responses, followed live; each hook is `undefined` while it is read. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Questionnaire, QuestionnaireResponse } from '../domain/questionnaire';
import { loadDraft } from '../storage/drafts';
import { questionnairesRepo, responsesRepo } from '../storage/yearWork';

/** Every live questionnaire of the school. */
export function useQuestionnaires(): Questionnaire[] | undefined {
  return useLiveQuery(() => questionnairesRepo.list(), []);
}

/** Every live response to every questionnaire. */
export function useQuestionnaireResponses(): QuestionnaireResponse[] | undefined {
  return useLiveQuery(() => responsesRepo.list(), []);
}

/** One questionnaire; `null` when there is none of this id, or no id (a new one). */
export function useQuestionnaire(id: string | undefined): Questionnaire | null | undefined {
  return useLiveQuery(() => (id ? questionnairesRepo.get(id).then((q) => q ?? null) : null), [id]);
}

/** The live responses to one questionnaire. */
export function useResponsesTo(questionnaireId: string): QuestionnaireResponse[] | undefined {
  return useLiveQuery(() => responsesRepo.listWhere('questionnaireId', questionnaireId), [questionnaireId]);
}

/** Where this device keeps the respondents chosen on it, per role (the local drafts table: never in a bundle). */
export const recentRespondentsKey = (role: string) => `questionnaire-respondents:${role}`;

/** The respondents chosen on this device before for this questionnaire's role, latest first; [] for none. */
export function useRecentRespondents(questionnaireId: string): string[] | undefined {
  return useLiveQuery(async () => {
    const role = (await questionnairesRepo.get(questionnaireId))?.role;
    return role ? ((await loadDraft<string[]>(recentRespondentsKey(role))) ?? []) : [];
  }, [questionnaireId]);
}
