import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { summaryWarnings } from '../domain/pairSummary';
import { todayIso } from '../domain/dates';
import { getDb } from '../storage/db';
import { readPairSummaries, rebuildPairSummaries } from '../storage/pairSummaries';
import { mentorshipsRepo } from '../storage/repositories';

/**
 * Every live pair/group with its warning marks (the «Пары» list's), from the pairs' summaries instead of their
 * meetings and plan items (src/storage/pairSummaries.ts): what «Требует внимания» counts. Undefined until loaded;
 * on a database whose summaries are not built yet they are built once, then followed live.
 */
export function useAttentionRows() {
  const mentorships = useLiveQuery(() => mentorshipsRepo.list(), []);
  const summaries = useLiveQuery(() => readPairSummaries(getDb()), []);
  useEffect(() => {
    if (summaries === null) void rebuildPairSummaries(getDb());
  }, [summaries]);
  return useMemo(() => {
    if (!mentorships || !summaries) return undefined;
    const today = todayIso();
    return mentorships.map((m) => ({ mentorship: m, warnings: summaryWarnings(m, summaries.get(m.id), today) }));
  }, [mentorships, summaries]);
}
