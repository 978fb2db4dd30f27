/** A small SVG bar chart: no library, readable on a phone, with the numbers for screen readers. */
export function Bars({ values, labels }: { values: number[]; labels: string[] }) {
  const max = Math.max(1, ...values);
  const w = 300;
  const h = 80;
  const bw = w / values.length;
  return (
    <svg viewBox={`0 0 ${w} ${h + 16}`} className="bars" role="img" aria-label={values.map((v, i) => `${labels[i]}: ${v}`).join(', ')}>
      {values.map((v, i) => {
        const bh = (v / max) * h;
        return (
          <g key={i}>
            <rect x={i * bw + 2} y={h - bh} width={bw - 4} height={bh} rx="2" className="bar" />
            <text x={i * bw + bw / 2} y={h + 12} textAnchor="middle" className="bar-label">
              {labels[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
