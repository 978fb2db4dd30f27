// The QR hand-off benchmark's page: the app's own code (export with changes only, the fountain, uqr, qr-scanner's
// worker decoder) on real IndexedDB in Chromium. bench/qr.mjs builds it with Vite and calls window.bench.run().
import QrScanner from 'qr-scanner';
import { renderSVG } from 'uqr';
import { FountainDecoder, fountainEncoder } from '../../src/domain/handoff/fountain';
import { meetingInputSchema } from '../../src/domain/meeting.schema';
import { planItemInputSchema } from '../../src/domain/plan.schema';
import { NastavnikDb, SYNCED_TABLES, type GenericRecord } from '../../src/storage/db';
import { decodeBundle, encodeBundle } from '../../src/storage/bundle/codec';
import { exportBundle } from '../../src/storage/bundle/exportBundle';
import { applyImport } from '../../src/storage/bundle/importBundle';
import { getDeviceId } from '../../src/storage/clock';
import { Repository } from '../../src/storage/repository';

type Tables = Record<string, GenericRecord[]>;

async function fresh(name: string): Promise<NastavnikDb> {
  await NastavnikDb.delete(name);
  const db = new NastavnikDb(name);
  await db.open();
  return db;
}

async function carry(from: NastavnikDb, to: NastavnikDb, opts: Parameters<typeof exportBundle>[1]): Promise<void> {
  const parsed = await decodeBundle(await encodeBundle(await exportBundle(from, opts)));
  if (!parsed.ok) throw new Error(parsed.error.kind);
  const r = await applyImport(to, parsed.value);
  if (!r.ok) throw new Error(r.error.kind);
}

/** A frame as the camera's picture would hold it: the code drawn on a white 600 px canvas. */
async function picture(text: string): Promise<HTMLCanvasElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(text, { ecc: 'L', border: 3 }))}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = 600;
  c.height = 600;
  const g = c.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 600, 600);
  g.imageSmoothingEnabled = false;
  g.drawImage(img, 20, 20, 560, 560);
  return c;
}

async function decodeTimes(texts: string[], engine: Awaited<ReturnType<typeof QrScanner.createQrEngine>>): Promise<number[]> {
  const out: number[] = [];
  for (const t of texts) {
    const c = await picture(t);
    const t0 = performance.now();
    const r = await QrScanner.scanImage(c, { returnDetailedScanResult: true, qrEngine: engine });
    out.push(performance.now() - t0);
    if (r.data !== t) throw new Error('a frame decoded to something else');
  }
  return out;
}

/** Frames a camera at `fps` needs, dropping `drop` of them at random, until the decoder has the message. */
function framesToComplete(bytes: Uint8Array, drop: number, seed: number): number {
  const enc = fountainEncoder(bytes);
  const dec = new FountainDecoder();
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let n = 1, shown = 1; n < 100_000; n++, shown++) {
    if (rnd() < drop) continue;
    if (dec.receive(enc.frame(n)).kind === 'done') return shown;
  }
  throw new Error('never completed');
}

async function run(runNo: number) {
  const tables = ((await (await fetch('/school.json')).json()) as { tables: Tables }).tables;
  const curator = await fresh(`qr-curator-${runNo}`);
  await curator.transaction('rw', [...SYNCED_TABLES], async () => {
    for (const t of SYNCED_TABLES) if (tables[t]?.length) await curator.syncedTable(t).bulkPut(tables[t]!);
  });
  // The mentor of the first 20 pairs: the curator hands them over; the mentor knows, from that file, what the
  // curator holds, and sends back a file so the curator knows the mentor.
  const mentor = await fresh(`qr-mentor-${runNo}`);
  const pairs = tables.mentorships!.slice(0, 20);
  await carry(curator, mentor, { appVersion: 'bench', scope: { kind: 'mentorships', mentorshipIds: pairs.map((p) => p.id) } });
  const curatorId = await getDeviceId(curator);
  const meetings = new Repository(mentor, 'meetings');
  const items = new Repository(mentor, 'planItems');
  const meeting = (m: GenericRecord, i: number) =>
    meetingInputSchema.parse({
      mentorshipId: m.id,
      date: `2026-02-${String(10 + i).padStart(2, '0')}`,
      kind: 'work',
      minutes: 45,
      place: 'Кабинет 12',
      attendeeIds: [...(m.mentorIds as string[]), ...(m.menteeIds as string[])],
      notes: 'Разобрали проект, договорились о следующем шаге; подготовить выступление к конференции.',
    });

  await meetings.save(meeting(pairs[0]!, 0));
  const one = await encodeBundle(await exportBundle(mentor, { appVersion: 'bench', changesFor: curatorId }));

  // A week: four more meetings, ten plan items ticked, two questionnaires answered (on top of the first meeting).
  for (let i = 1; i < 5; i++) await meetings.save(meeting(pairs[i]!, i));
  const planIds = new Set((await mentor.plans.toArray()).map((p) => p.id));
  const myItems = (await mentor.planItems.toArray()).filter((x) => planIds.has(x.planId)).slice(0, 10);
  for (const it of myItems) await items.save(planItemInputSchema.parse({ ...it, status: 'done' }), it.id);
  const questionnaire = (await mentor.questionnaires.toArray())[0]!;
  const responses = new Repository(mentor, 'responses');
  for (let i = 0; i < 2; i++)
    await responses.save({
      questionnaireId: questionnaire.id,
      respondentId: (pairs[i]!.menteeIds as string[])[0]!,
      mentorshipId: pairs[i]!.id,
      phase: 'once',
      answeredOn: '2026-02-14',
      answers: Object.fromEntries(questionnaire.questions.filter((q) => q.kind === 'scale').map((q) => [q.id, 7])),
    });
  const week = await encodeBundle(await exportBundle(mentor, { appVersion: 'bench', changesFor: curatorId }));
  const whole = await encodeBundle(await exportBundle(mentor, { appVersion: 'bench', scope: { kind: 'mentorships', mentorshipIds: pairs.map((p) => p.id) } }));

  const engine = await QrScanner.createQrEngine();
  const weekEnc = fountainEncoder(week);
  const weekFrames = Array.from({ length: Math.min(30, weekEnc.fragments * 2) }, (_, i) => weekEnc.frame(i + 1));
  const frameMs = await decodeTimes(weekFrames, engine);
  // Baseline of the same run: the smallest code there is, through the same decoder.
  const baselineMs = await decodeTimes(Array.from({ length: 10 }, (_, i) => `NQ1:${i}`), engine);
  const scans = Array.from({ length: 25 }, (_, i) => framesToComplete(week, 0.2, i + 1 + runNo * 100));

  for (const db of [curator, mentor]) {
    db.close();
    await NastavnikDb.delete(db.name);
  }
  if (engine instanceof Worker) engine.terminate();
  return {
    bytes: { oneMeeting: one.length, week: week.length, wholeScope: whole.length },
    codes: { oneMeeting: fountainEncoder(one).fragments, week: weekEnc.fragments, wholeScope: fountainEncoder(whole).fragments },
    frameChars: weekFrames[0]!.length,
    frameMs,
    baselineMs,
    framesToCompleteAt20pcDrop: scans,
  };
}

declare global {
  interface Window {
    bench: { run: typeof run };
  }
}
window.bench = { run };
document.getElementById('state')!.textContent = 'ready';
