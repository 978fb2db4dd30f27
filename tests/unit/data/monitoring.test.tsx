// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import {
  useConsents,
  useMeetings,
  useOrders,
  usePlanItems,
  usePlans,
  useQuestionnaireResponses,
  useQuestionnaires,
  useTrainingGroups,
  useTrainingSessions,
} from '../../../src/data/monitoring';
import { consentInputSchema } from '../../../src/domain/consent';
import { meetingInputSchema } from '../../../src/domain/meeting';
import { orderInputSchema } from '../../../src/domain/order';
import { planInputSchema, planItemInputSchema } from '../../../src/domain/plan';
import { QUESTIONNAIRE_TEMPLATES } from '../../../src/domain/questionnaireTemplates';
import { trainingGroupInputSchema, trainingSessionInputSchema } from '../../../src/domain/training';
import { getDb } from '../../../src/storage/db';
import { consentsRepo, meetingsRepo, ordersRepo, planItemsRepo, plansRepo } from '../../../src/storage/repositories';
import { questionnairesRepo, responsesRepo, trainingGroupsRepo, trainingSessionsRepo } from '../../../src/storage/yearWork';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

/** Each hook, and how to write and delete one record of its own table. */
const tables = {
  consents: {
    hook: useConsents,
    save: () => consentsRepo.save(consentInputSchema.parse({ personId: 'p1', signedOn: '2025-09-01', signer: 'self' })),
    remove: (id: string) => consentsRepo.remove(id),
  },
  meetings: {
    hook: useMeetings,
    save: () => meetingsRepo.save(meetingInputSchema.parse({ mentorshipId: 'm1', kind: 'intro', date: '2025-10-01' })),
    remove: (id: string) => meetingsRepo.remove(id),
  },
  plans: {
    hook: usePlans,
    save: () => plansRepo.save(planInputSchema.parse({ mentorshipId: 'm1', title: 'План пары' })),
    remove: (id: string) => plansRepo.remove(id),
  },
  planItems: {
    hook: usePlanItems,
    save: () => planItemsRepo.save(planItemInputSchema.parse({ planId: 'pl1', title: 'Выбрать тему проекта' })),
    remove: (id: string) => planItemsRepo.remove(id),
  },
  trainingGroups: {
    hook: useTrainingGroups,
    save: () => trainingGroupsRepo.save(trainingGroupInputSchema.parse({ name: 'Группа 1', memberIds: ['t1'] })),
    remove: (id: string) => trainingGroupsRepo.remove(id),
  },
  trainingSessions: {
    hook: useTrainingSessions,
    save: () =>
      trainingSessionsRepo.save(trainingSessionInputSchema.parse({ groupId: 'g1', date: '2025-10-01', topic: 'Роль наставника', expert: 'Иванова М. П.', format: 'inPerson', attendeeIds: ['t1'] })),
    remove: (id: string) => trainingSessionsRepo.remove(id),
  },
  questionnaires: {
    hook: useQuestionnaires,
    save: () => {
      const { id, ...tpl } = QUESTIONNAIRE_TEMPLATES[0]!;
      return questionnairesRepo.save(tpl, id);
    },
    remove: (id: string) => questionnairesRepo.remove(id),
  },
  responses: {
    hook: useQuestionnaireResponses,
    save: () =>
      responsesRepo.save({ questionnaireId: QUESTIONNAIRE_TEMPLATES[0]!.id, respondentId: 's1', mentorshipId: 'm1', phase: 'start', answeredOn: '2025-10-01', answers: { interest: 6 } }),
    remove: (id: string) => responsesRepo.remove(id),
  },
  orders: {
    hook: useOrders,
    save: () => ordersRepo.save(orderInputSchema.parse({ kind: 'rewardMentors', number: '12-од', date: '2026-05-25', title: 'О поощрении наставников' })),
    remove: (id: string) => ordersRepo.remove(id),
  },
};
const names = Object.keys(tables) as (keyof typeof tables)[];

function renderAll() {
  return renderHook(() => Object.fromEntries(names.map((n) => [n, tables[n].hook()])) as Record<keyof typeof tables, { id: string }[] | undefined>);
}

describe('the monitoring’s table hooks', () => {
  it('are undefined while read and empty on a new device', async () => {
    const { result } = renderAll();
    for (const n of names) expect(result.current[n], n).toBeUndefined();
    await waitFor(() => {
      for (const n of names) expect(result.current[n], n).toEqual([]);
    });
  });

  it('each follows its own table only: a record written shows up in its hook and in no other, and drops out once deleted', async () => {
    const { result } = renderAll();
    await waitFor(() => expect(result.current.orders).toEqual([]));
    for (const n of names) {
      const saved = await tables[n].save();
      await waitFor(() => expect(result.current[n]?.map((r) => r.id), n).toEqual([saved.id]));
      for (const other of names) if (other !== n) expect(result.current[other], `${other} after a write to ${n}`).toEqual([]);
      await tables[n].remove(saved.id);
      await waitFor(() => expect(result.current[n], n).toEqual([]));
    }
  });
});
