/**
 * Proposer-optimal deferred acceptance (Gale–Shapley) with capacities: the hospitals/residents problem, with
 * mentees proposing and mentors holding up to their capacity.
 *
 * - `proposerLists[p]`: receivers acceptable to proposer p, best first.
 * - `receiverRank[r * nProposers + p]`: r's rank of p (lower is better); `NOT_ACCEPTABLE` where r would never take p.
 * - `capacity[r]`: places of receiver r.
 *
 * Returns each proposer's receiver, or -1. The result is the unique proposer-optimal stable matching, so it does
 * not depend on the order in which free proposers propose: no proposer–receiver pair would both rather be
 * together than with what they got. At most Σ|lists| proposals; each costs O(capacity) to find the receiver's
 * worst held proposer, which beats a heap for the capacities a school has (1–30).
 */
export const NOT_ACCEPTABLE = 0x7fffffff;

export function deferredAcceptance(
  proposerLists: readonly ArrayLike<number>[],
  receiverRank: Int32Array,
  capacity: ArrayLike<number>,
): Int32Array {
  const nP = proposerLists.length;
  const matchOf = new Int32Array(nP).fill(-1);
  const next = new Int32Array(nP);
  const held: number[][] = Array.from({ length: capacity.length }, () => []);
  const free: number[] = [];
  for (let p = nP - 1; p >= 0; p--) free.push(p);

  while (free.length) {
    const p = free.pop()!;
    const list = proposerLists[p]!;
    while (next[p]! < list.length) {
      const r = list[next[p]!]!;
      next[p] = next[p]! + 1;
      const rankP = receiverRank[r * nP + p]!;
      if (rankP === NOT_ACCEPTABLE || capacity[r]! <= 0) continue;
      const h = held[r]!;
      if (h.length < capacity[r]!) {
        h.push(p);
        matchOf[p] = r;
        break;
      }
      let worstAt = 0;
      for (let k = 1; k < h.length; k++) if (receiverRank[r * nP + h[k]!]! > receiverRank[r * nP + h[worstAt]!]!) worstAt = k;
      const worst = h[worstAt]!;
      if (rankP < receiverRank[r * nP + worst]!) {
        h[worstAt] = p;
        matchOf[p] = r;
        matchOf[worst] = -1;
        free.push(worst);
        break;
      }
    }
  }
  return matchOf;
}
