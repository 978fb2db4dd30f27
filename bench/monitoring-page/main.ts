// The monitoring benchmark's page: the app's own src/domain code for the dashboard and the report on the synthetic
// school, in Chromium. bench/monitoring.mjs builds it with Vite, serves /school.json beside it, and calls
// window.bench.run(). Times are performance.now() around the same calls the «Мониторинг» and «Отчёт» screens make.
import { computeIndicators } from '../../src/domain/monitoring';
import { monitoringSnapshot, type MonitoringData } from '../../src/domain/monitoringSnapshot';
import { DEFAULT_MENTORING_FORMS } from '../../src/domain/mentoringForm';
import { categoryLabel, mentorshipStatusLabel, meetingKindLabel } from '../../src/i18n/ru';
import { reportXlsx } from '../../src/ui/reportXlsx';

type Row = Record<string, unknown> & { id: string; deleted?: boolean };

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function run(runs: number) {
  const { tables, asOf } = (await (await fetch('/school.json')).json()) as { tables: Record<string, Row[]>; asOf: string };
  const live = (t: string) => (tables[t] ?? []).filter((r) => !r.deleted) as never[];
  const school = live('school')[0] as unknown as MonitoringData['school'];
  const data: MonitoringData = {
    today: asOf,
    school,
    people: live('people'),
    partners: live('partners'),
    consents: live('consents'),
    mentorships: live('mentorships'),
    meetings: live('meetings'),
    plans: live('plans'),
    planItems: live('planItems'),
    events: live('events'),
    groups: live('trainingGroups'),
    sessions: live('trainingSessions'),
    questionnaires: live('questionnaires'),
    responses: live('responses'),
    forms: DEFAULT_MENTORING_FORMS,
    recognitions: live('recognitions'),
    orders: live('orders'),
    practices: live('practices'),
    meetingKinds: meetingKindLabel,
    labels: { category: categoryLabel, status: mentorshipStatusLabel },
  };
  const records = Object.values(tables).reduce((n, r) => n + r.length, 0);

  const baseline: number[] = [];
  const indicators: number[] = [];
  const snapshot: number[] = [];
  const xlsx: number[] = [];
  let bytes = 0;
  let checksum = 0;
  for (let i = 0; i <= runs; i++) {
    // baseline: one bare pass over every record the indicators read, touching one field of each
    let t = performance.now();
    for (const name of ['people', 'consents', 'mentorships', 'plans', 'planItems', 'events']) for (const r of tables[name]!) checksum += r.id.length;
    const b = performance.now() - t;
    t = performance.now();
    const ind = computeIndicators({
      today: data.today,
      academicYear: school.academicYear,
      school: { studentsTotal: school.studentsTotal, teachersTotal: school.teachersTotal, consentAge: school.consentAge },
      people: data.people,
      partners: data.partners,
      consents: data.consents as never,
      mentorships: data.mentorships as never,
      plans: data.plans,
      planItems: data.planItems,
      events: data.events,
    });
    const c = performance.now() - t;
    t = performance.now();
    const snap = monitoringSnapshot(data);
    const s = performance.now() - t;
    t = performance.now();
    const blob = await reportXlsx(snap.report());
    const x = performance.now() - t;
    bytes = blob.size;
    if (ind.length !== 7) throw new Error('indicators missing');
    if (i === 0) continue; // warm-up
    baseline.push(b);
    indicators.push(c);
    snapshot.push(s);
    xlsx.push(x);
  }
  return {
    records,
    checksum,
    xlsxBytes: bytes,
    median: { baseline: median(baseline), indicators: median(indicators), snapshot: median(snapshot), xlsx: median(xlsx) },
    raw: { baseline, indicators, snapshot, xlsx },
  };
}

/** Called by the driving script through page.evaluate. */
(window as unknown as { bench: { run: typeof run } }).bench = { run };
document.getElementById('state')!.textContent = 'ready';
