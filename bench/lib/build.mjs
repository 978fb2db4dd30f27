// Builds the app for the benchmarks when the build is missing or older than its sources.
//
// The benchmarks build into bench/out/dist by default, not dist/: `npm test` and the e2e tests rebuild and serve
// dist/ (vite empties it first), and other people run them in the same working tree while a benchmark runs.
// `--dist dist` measures the shared build instead.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_OUT_DIR = 'bench/out/dist';
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Reads `--name value` from argv. */
export function argValue(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
}

/**
 * Makes sure `outDir` (relative to the project root) holds a build at least as new as the sources.
 * Returns the absolute directory and whether a build ran.
 */
export function ensureBuild({ outDir = DEFAULT_OUT_DIR, force = false, log = console.log } = {}) {
  const abs = resolve(ROOT, outDir);
  const index = join(abs, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  if (!force && builtAt > 0 && builtAt >= sourcesAt) {
    log(`build: ${outDir} is newer than the sources, not rebuilding`);
    return { dir: abs, built: false };
  }
  log(`build: vite build --outDir ${outDir} (${builtAt ? 'sources changed' : 'no build yet'})`);
  const t0 = performance.now();
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  log(`build: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dir: abs, built: true };
}
