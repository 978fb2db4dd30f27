// Code that runs inside the page (passed to page.evaluate / addInitScript): it must not close over anything.

/**
 * Installed before the app's scripts on every document: notes when the participants count first shows
 * `expected` people and when the frame that shows it has been painted. `performance.now()` counts from the
 * navigation start of the document, so `paintedAt` is "navigation → list on screen".
 */
export function openProbe(expected) {
  const state = {};
  window.__benchOpen = state;
  const countOf = (el) => {
    const m = /\d[\d\s\u00a0]*/.exec(el?.textContent ?? '');
    return m ? Number(m[0].replace(/\D/g, '')) : -1;
  };
  const mo = new MutationObserver(() => {
    if (state.seenAt !== undefined) return;
    const el = document.querySelector('[data-testid="people-count"]');
    if (countOf(el) !== expected) return;
    state.seenAt = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        state.paintedAt = performance.now();
      };
      ch.port2.postMessage(null);
    });
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  // In-app navigation: the click that starts it.
  document.addEventListener('click', (e) => {
    if (state.clickAt === undefined && e.target instanceof Element && e.target.closest('a[href="/people"]')) state.clickAt = e.timeStamp;
  }, true);
}

/**
 * The keystroke probe. `arm(value, count)` before a key; `result()` resolves once the page shows the input's
 * new value and the expected count, no DOM change has happened for `quietMs`, and reports, from the key's
 * `beforeinput` event (its timestamp: when the browser took the input), to the end of the first painted frame
 * that showed (a) the typed character in the field ("echo") and (b) the final state of the list ("results").
 * Frames are sampled by a requestAnimationFrame loop; "painted" is a message posted from the frame's rAF
 * callback, which runs after that frame's style, layout and paint.
 */
export function installKeystrokeProbe() {
  const countOf = () => {
    const m = /\d[\d\s\u00a0]*/.exec(document.querySelector('[data-testid="people-count"]')?.textContent ?? '');
    return m ? Number(m[0].replace(/\D/g, '')) : -1;
  };
  const probe = { armed: null, mut: 0, lastMutAt: 0, running: false };
  new MutationObserver(() => {
    probe.mut += 1;
    probe.lastMutAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  document.addEventListener('beforeinput', (e) => {
    if (probe.armed && probe.armed.t0 === null) probe.armed.t0 = e.timeStamp;
  }, true);
  const frame = (rafAt) => {
    const a = probe.armed;
    if (!a) {
      probe.running = false;
      return;
    }
    const snap = { rafAt, mut: probe.mut, value: document.getElementById('people-q')?.value ?? null, count: countOf() };
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      snap.paintedAt = performance.now();
      a.frames.push(snap);
    };
    ch.port2.postMessage(null);
    requestAnimationFrame(frame);
  };
  window.__probe = {
    arm(expectValue, expectCount) {
      probe.armed = { expectValue, expectCount, t0: null, frames: [], mutAtArm: probe.mut };
      if (!probe.running) {
        probe.running = true;
        requestAnimationFrame(frame);
      }
    },
    result(quietMs = 150, timeoutMs = 5000) {
      const a = probe.armed;
      const started = performance.now();
      return new Promise((resolve) => {
        const poll = () => {
          const now = performance.now();
          const after = a.t0 === null ? [] : a.frames.filter((f) => f.rafAt >= a.t0);
          const done = after.find((f) => f.value === a.expectValue && f.count === a.expectCount);
          if (done && now - Math.max(probe.lastMutAt, done.paintedAt) >= quietMs) {
            const finalMut = probe.mut;
            const echo = after.find((f) => f.value === a.expectValue);
            const results = after.find((f) => f.value === a.expectValue && f.count === a.expectCount && f.mut === finalMut);
            let maxGap = 0;
            let prev = a.t0;
            for (const f of after) {
              if (f.paintedAt > results.paintedAt) break;
              maxGap = Math.max(maxGap, f.paintedAt - prev);
              prev = f.paintedAt;
            }
            probe.armed = null;
            resolve({
              echoMs: echo.paintedAt - a.t0,
              resultsMs: results.paintedAt - a.t0,
              domChanged: finalMut > a.mutAtArm,
              longestFrameMs: maxGap,
            });
            return;
          }
          if (now - started > timeoutMs) {
            const last = a.frames.at(-1);
            probe.armed = null;
            resolve({
              error: a.t0 === null ? 'no beforeinput event seen' : `the page shows value ${JSON.stringify(last?.value)} and count ${last?.count}, expected ${JSON.stringify(a.expectValue)} and ${a.expectCount}`,
            });
            return;
          }
          setTimeout(poll, 10);
        };
        poll();
      });
    },
  };
}

/** The baseline: a bare loop filtering the same 2,000 search strings with String.prototype.includes. */
export function includesBaseline({ names, queries, minMs }) {
  return queries.map((q) => {
    let reps = 0;
    let found;
    const t0 = performance.now();
    let t1;
    do {
      found = names.filter((s) => s.includes(q)).length;
      reps += 1;
      t1 = performance.now();
    } while (t1 - t0 < minMs);
    return { query: q, ms: (t1 - t0) / reps, found, reps };
  });
}

/**
 * Writes the synthetic school straight into the app's IndexedDB (the database Dexie made on the first visit),
 * in one readwrite transaction, with the raw API: no Dexie, no app code. Stores the app does not have are
 * skipped and reported.
 */
export async function seedIndexedDb({ json, dbName }) {
  const tables = JSON.parse(json);
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const present = Object.keys(tables).filter((t) => db.objectStoreNames.contains(t));
  const missing = Object.keys(tables).filter((t) => !db.objectStoreNames.contains(t));
  const t0 = performance.now();
  const tx = db.transaction([...new Set([...present, ...(db.objectStoreNames.contains('meta') ? ['meta'] : [])])], 'readwrite');
  let written = 0;
  for (const t of present) {
    const store = tx.objectStore(t);
    for (const r of tables[t]) {
      store.put(r);
      written += 1;
    }
  }
  // Written past the app's code: the summaries it keeps as records are written (src/storage/pairSummaries.ts) are
  // not, so they are marked incomplete and the app builds them again from the records on its next start.
  if (db.objectStoreNames.contains('meta')) tx.objectStore('meta').delete('pairSummaries');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return { written, missing, ms, version: db.version };
}
