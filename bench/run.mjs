#!/usr/bin/env node
// All benchmarks, one after another (never in parallel: they would measure each other).
//
//   npm run bench                      # everything
//   npm run bench -- --only bundle     # one of: generate, bundle-size, people-search, matching, bundle, bundle-files, monitoring, overview, year, qr, hostile
//
// Each benchmark prints its own table and writes bench/out/<name>.json. Figures and how to read them:
// docs/PERFORMANCE.md.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, argValue } from './lib/build.mjs';

const BENCHES = {
  generate: ['bench/generate.mjs', '--validate', '--check-determinism'],
  'bundle-size': ['bench/bundle-size.mjs'],
  'people-search': ['bench/people-search.mjs'],
  matching: ['bench/matching.mjs'],
  bundle: ['bench/bundle.mjs'],
  'bundle-files': ['bench/bundle-files.mjs'],
  monitoring: ['bench/monitoring.mjs'],
  overview: ['bench/overview.mjs'],
  year: ['bench/year.mjs'],
  qr: ['bench/qr.mjs'],
  hostile: ['bench/hostile.mjs'],
};

const only = argValue(process.argv.slice(2), 'only', '');
const names = only ? only.split(',') : Object.keys(BENCHES);
let failed = 0;
for (const name of names) {
  const args = BENCHES[name];
  if (!args) {
    console.error(`unknown benchmark «${name}»: one of ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name}: node ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [resolve(ROOT, args[0]), ...args.slice(1)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`=== ${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
