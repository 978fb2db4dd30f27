#!/usr/bin/env node
// `npm test`: unit tests (vitest), a production build, then the end-to-end tests (Playwright in Debian's Chromium).
// Ends with the plain totals line that CI reads: `tests: N passed, N failed`. Exits non-zero on any failure or
// when nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `./node_modules/.bin/${name}`;
const out = 'test-results';
mkdirSync(out, { recursive: true });

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let broken = false;

// 1. Unit tests.
const unitReport = `${out}/unit.json`;
rmSync(unitReport, { force: true });
const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  if ((unit.numFailedTestSuites ?? 0) > 0 && (unit.numFailedTests ?? 0) === 0) failed += unit.numFailedTestSuites;
} else broken = true;
if (unitStatus !== 0 && failed === 0) broken = true;

// 2. Build, then 3. end-to-end tests on the built app.
if (process.env.SKIP_E2E !== '1') {
  const buildStatus = run(bin('vite'), ['build']);
  if (buildStatus !== 0) {
    console.error('Сборка не удалась: e2e-тесты не запускались.');
    failed += 1;
  } else {
    const e2eReport = `${out}/e2e.json`;
    rmSync(e2eReport, { force: true });
    const e2eStatus = run(bin('playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts']);
    const e2e = readJson(e2eReport);
    if (e2e?.stats) {
      passed += e2e.stats.expected ?? 0;
      failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    } else broken = true;
    if (e2eStatus !== 0 && !(e2e?.stats?.unexpected > 0)) broken = true;
  }
}

if (broken) failed += 1;
if (!existsSync(out)) mkdirSync(out);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
