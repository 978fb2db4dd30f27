// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useMeetings } from '../../../src/data/monitoring';
import { useTrainingGroups, useTrainingSessions } from '../../../src/data/training';
import { meetingInputSchema } from '../../../src/domain/meeting.schema';
import { trainingGroupInputSchema, trainingSessionInputSchema } from '../../../src/domain/training.schema';
import { getDb } from '../../../src/storage/db';
import { meetingsRepo } from '../../../src/storage/repositories';
import { trainingGroupsRepo, trainingSessionsRepo } from '../../../src/storage/yearWork';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

/** Each hook, and how to write and delete one record of its own table. */
const tables = {
  meetings: {
    hook: useMeetings,
    save: () => meetingsRepo.save(meetingInputSchema.parse({ mentorshipId: 'm1', kind: 'intro', date: '2025-10-01' })),
    remove: (id: string) => meetingsRepo.remove(id),
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
    await waitFor(() => expect(result.current.meetings).toEqual([]));
    for (const n of names) {
      const saved = await tables[n].save();
      await waitFor(() => expect(result.current[n]?.map((r) => r.id), n).toEqual([saved.id]));
      for (const other of names) if (other !== n) expect(result.current[other], `${other} after a write to ${n}`).toEqual([]);
      await tables[n].remove(saved.id);
      await waitFor(() => expect(result.current[n], n).toEqual([]));
    }
  });
});
