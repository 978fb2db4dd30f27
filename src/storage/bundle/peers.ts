import type { Bundle } from '../../domain/bundle/format';
import { learn, recordsOf, sentKnowledge, type Knowledge } from '../../domain/handoff/delta';
import type { NastavnikDb, PeerRow } from '../db';

/** Files for a peer remembered until it acknowledges one (an unacknowledged one may be lost; the next is sent anyway). */
const SENT_KEPT = 5;

export async function listPeers(db: NastavnikDb): Promise<PeerRow[]> {
  return (await db.peers.toArray()).sort((a, b) => (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? ''));
}

export async function peerKnowledge(db: NastavnikDb, peerId: string): Promise<Knowledge> {
  return (await db.peers.get(peerId))?.known ?? {};
}

/** Acknowledgements to put in our next file: for each peer, the id of the last file we imported from it. */
export async function acksFor(db: NastavnikDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of await db.peers.toArray()) if (p.lastBundleFrom) out[p.id] = p.lastBundleFrom;
  return out;
}

/**
 * After importing a file from a peer (inside the import's transaction): it holds at least the file's records; if
 * it acknowledges one of our files, it holds that file's records too. Our own device never becomes a peer.
 */
export async function learnFromImport(db: NastavnikDb, bundle: Pick<Bundle, 'header' | 'tables'>, myId: string, at: string): Promise<void> {
  const h = bundle.header;
  if (h.device.id === myId) return;
  const peer: PeerRow = (await db.peers.get(h.device.id)) ?? { id: h.device.id, name: h.device.name, known: {}, sent: [] };
  let known = learn(peer.known, recordsOf(bundle.tables));
  let sent = peer.sent;
  const ack = h.acks?.[myId];
  const acked = ack ? sent.findIndex((s) => s.bundleId === ack) : -1;
  if (acked >= 0) {
    known = learn(known, Object.entries(sent[acked]!.known).map(([k, vv]) => [k.slice(0, k.indexOf('|')), { id: k.slice(k.indexOf('|') + 1), vv }]));
    sent = sent.slice(acked + 1);
  }
  await db.peers.put({ ...peer, name: h.device.name || peer.name, known, sent, ...(h.bundleId ? { lastBundleFrom: h.bundleId } : {}), lastSeenAt: at });
}

/** After a file for a peer has left the app: remember what it carried, until the peer acknowledges it. */
export async function rememberSent(db: NastavnikDb, peerId: string, bundle: Pick<Bundle, 'header' | 'tables'>, at: string): Promise<void> {
  const id = bundle.header.bundleId;
  if (!id) return;
  await db.transaction('rw', db.peers, async () => {
    const peer = await db.peers.get(peerId);
    if (!peer) return;
    const sent = [...peer.sent, { bundleId: id, at, known: sentKnowledge(bundle.tables) }].slice(-SENT_KEPT);
    await db.peers.put({ ...peer, sent });
  });
}
