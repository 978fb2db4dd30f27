#!/usr/bin/env node
// Matching at the size of a large school: 1,500 mentees × 200 mentors, after a networking meeting.
//
//   node bench/matching.mjs [--runs 7] [--seed 2025] [--json]
//
// Bundles src/domain/matching.ts with Vite's build API into bench/out/matching/matching.mjs (the domain is
// TypeScript, this script plain ESM), then times suggestMatches on two synthetic markets — places scarce
// (capacities 1–8 as drawn, ≈ 900 places) and places ample (capacities raised until they cover every mentee) —
// against a baseline in the same process: merely computing the 1,500 × 200 score matrix. Medians of `--runs`
// runs after a warm-up. `--json` prints the figures as JSON on stdout (progress goes to stderr).
//
// Self-contained on purpose (its own PRNG and median): it must keep working while bench/lib changes.

import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, 'bench/out/matching');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 7));
const SEED = Number(arg('seed', 2025));
const N_MENTEES = 1500;
const N_MENTORS = 200;

async function bundle() {
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      // Two entries: the forms are data of their own module; shared code (zod, text) lands in one chunk beside them.
      lib: {
        entry: { matching: resolve(ROOT, 'src/domain/matching.ts'), mentoringForm: resolve(ROOT, 'src/domain/mentoringForm.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.mjs`,
      },
    },
  });
  const load = (name) => import(pathToFileURL(resolve(OUT_DIR, `${name}.mjs`)).href);
  return { lib: await load('matching'), forms: (await load('mentoringForm')).DEFAULT_MENTORING_FORMS };
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const sample = (xs, n) => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

const INTERESTS = [
  'робототехника', 'программирование', 'шахматы', 'футбол', 'волейбол', 'лёгкая атлетика', 'театр', 'вокал',
  'рисование', 'фотография', 'журналистика', 'биология', 'химия', 'физика', 'математика', 'история', 'краеведение',
  'английский язык', 'литература', 'экология', 'волонтёрство', 'предпринимательство', 'финансовая грамотность',
  'медицина', 'инженерия', '3D-моделирование', 'дизайн', 'туризм', 'музыка', 'дебаты',
];
const LETTERS = ['А', 'Б', 'В', 'Г'];

/** Who a person of each category would plausibly rank at a networking meeting (the forms decide the rest). */
const RANKS_MENTORS_OF = {
  student: ['student', 'teacher', 'graduate', 'partnerRep'],
  teacher: ['teacher', 'partnerRep'],
  graduate: ['partnerRep'],
  parent: ['teacher'],
};

function person(rng, id, category) {
  const grade = category === 'student' ? rng.int(5, 11) : 0;
  return {
    id,
    category,
    classLabel: grade ? `${grade}${rng.pick(LETTERS)}` : '',
    interests: rng.sample(INTERESTS, rng.int(1, 4)),
    competencies: category === 'student' ? [] : rng.sample(INTERESTS, rng.int(0, 3)),
  };
}

/** A market: who ranks whom is skewed towards a few popular mentors, as after a real networking meeting. */
function market(seed, ample, forms) {
  const rng = prng(seed);
  const pad = (n) => String(n).padStart(4, '0');
  const mentees = Array.from({ length: N_MENTEES }, (_, i) => {
    const r = rng.next();
    const category = r < 0.9 ? 'student' : r < 0.96 ? 'teacher' : r < 0.99 ? 'graduate' : 'parent';
    return person(rng, `e${pad(i)}`, category);
  });
  const mentors = Array.from({ length: N_MENTORS }, (_, j) => {
    const r = rng.next();
    const category = r < 0.4 ? 'student' : r < 0.8 ? 'teacher' : r < 0.92 ? 'partnerRep' : 'graduate';
    const p = person(rng, `r${pad(j)}`, category);
    if (category === 'student') p.classLabel = `${rng.int(9, 11)}${rng.pick(LETTERS)}`;
    return p;
  });
  const popularity = mentors.map(() => rng.next() ** 3 + 0.02);

  const capacities = Object.fromEntries(mentors.map((m) => [m.id, rng.int(1, 8)]));
  let total = Object.values(capacities).reduce((a, b) => a + b, 0);
  while (ample && total < N_MENTEES) {
    const id = rng.pick(mentors).id;
    if (capacities[id] < 8) {
      capacities[id]++;
      total++;
    }
  }

  const preferences = [];
  const chosenBy = new Map(mentors.map((m) => [m.id, []]));
  for (const e of mentees) {
    if (rng.next() < 0.15) continue; // missed the networking meeting or left the questionnaire blank
    // Now and then someone ranks a person no form allows them: matching must cope, not crash.
    const plausible = mentors.filter((m) => RANKS_MENTORS_OF[e.category].includes(m.category) || rng.next() < 0.02);
    const ranked = [];
    const wanted = rng.int(1, 5);
    for (let tries = 0; ranked.length < wanted && tries < 40; tries++) {
      // Roulette by popularity: a few mentors are everybody's first choice.
      const weights = plausible.map((m) => popularity[Number(m.id.slice(1))]);
      let x = rng.next() * weights.reduce((a, b) => a + b, 0);
      const m = plausible.find((_, k) => (x -= weights[k]) <= 0) ?? plausible.at(-1);
      if (m && !ranked.includes(m.id)) ranked.push(m.id);
    }
    preferences.push({ eventId: 'networking', personId: e.id, side: 'mentee', ranked });
    for (const id of ranked) chosenBy.get(id).push(e.id);
  }
  for (const m of mentors) {
    if (rng.next() < 0.1) continue;
    const met = chosenBy.get(m.id);
    const pool = met.length >= 5 ? met : [...met, ...rng.sample(mentees, 10).map((e) => e.id)];
    const ranked = [...new Set(rng.sample(pool, Math.min(pool.length, rng.int(1, 5))))];
    preferences.push({ eventId: 'networking', personId: m.id, side: 'mentor', ranked });
  }
  return {
    input: { mentees, mentors, preferences, capacities, forms, rules: { notSameClass: true, mentorInHigherGrade: true } },
    totalPlaces: total,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time(fn) {
  fn(); // warm-up: the JIT and the first allocation of the typed arrays
  const ms = [];
  let result;
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), result };
}

const t0 = performance.now();
const { lib, forms } = await bundle();
const progress = argv.includes('--json') ? console.error : console.log;
progress(`bundle: ${((performance.now() - t0) / 1000).toFixed(1)} s → ${OUT_DIR}`);

const rows = [];
for (const ample of [false, true]) {
  const { input, totalPlaces } = market(SEED, ample, forms);
  const matrix = time(() => lib.scoreMatrix(input));
  const match = time(() => lib.suggestMatches(input));
  const r = match.result;
  const byCode = {};
  for (const u of r.unmatched) byCode[u.code] = (byCode[u.code] ?? 0) + 1;
  const firstChoice = r.suggestions.filter((s) => s.breakdown.menteeRank === 1).length;
  rows.push({
    market: ample ? 'places ample' : 'places scarce',
    places: totalPlaces,
    preferences: input.preferences.length,
    scoreMatrixMs: Number(matrix.median.toFixed(1)),
    suggestMatchesMs: Number(match.median.toFixed(1)),
    suggestMatchesMinMaxMs: [Number(match.min.toFixed(1)), Number(match.max.toFixed(1))],
    suggested: r.suggestions.length,
    gotFirstChoice: firstChoice,
    unmatched: byCode,
  });
}

if (argv.includes('--json')) console.log(JSON.stringify({ seed: SEED, runs: RUNS, mentees: N_MENTEES, mentors: N_MENTORS, rows }, null, 2));
else {
  console.log(`matching ${N_MENTEES} mentees × ${N_MENTORS} mentors, seed ${SEED}, median of ${RUNS} runs (node ${process.version})`);
  for (const row of rows) {
    console.log(
      `  ${row.market.padEnd(14)} places ${String(row.places).padStart(4)}  score matrix ${String(row.scoreMatrixMs).padStart(6)} ms  ` +
        `suggestMatches ${String(row.suggestMatchesMs).padStart(6)} ms (min ${row.suggestMatchesMinMaxMs[0]}, max ${row.suggestMatchesMinMaxMs[1]})  ` +
        `suggested ${row.suggested} (1st choice ${row.gotFirstChoice}), unmatched ${JSON.stringify(row.unmatched)}`,
    );
  }
}
