// Small statistics for benchmark samples: medians and nearest-rank percentiles, rounded for reports.

export function quantile(values, q) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const rank = Math.ceil(q * xs.length);
  return xs[Math.min(xs.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export const p95 = (values) => quantile(values, 0.95);
export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function summarize(values, digits = 1) {
  const xs = values.filter(Number.isFinite);
  return {
    n: xs.length,
    median: round(median(xs), digits),
    p95: round(p95(xs), digits),
    min: round(Math.min(...xs), digits),
    max: round(Math.max(...xs), digits),
  };
}

/** Fixed-width text table: `rows` are arrays of cells; numbers (and numeric strings) are right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r, src) =>
    r.map((c, i) => (typeof src[i] === 'number' || /^[-+]?[\d.,]+(?: ?[%×x])?$/.test(String(src[i])) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(all[0], header), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map((r, k) => line(r, rows[k]))].join('\n');
}
