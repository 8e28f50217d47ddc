// Draws time against article size as a small self-contained SVG (no plotting dependency). Both axes
// are logarithmic, so linear cost is a straight line of slope 1; a dashed slope-1 guide makes any
// bend (quadratic cost would have slope 2) visible at a glance.

export interface Series {
  name: string;
  color: string;
  points: Array<{ chars: number; ms: number }>;
}

const W = 720;
const H = 440;
const M = { left: 70, right: 170, top: 40, bottom: 56 };

export function scalingSvg(title: string, series: readonly Series[]): string {
  const all = series.flatMap((s) => s.points).filter((p) => p.ms > 0 && p.chars > 0);
  if (all.length === 0) return emptySvg(title);
  const xMin = Math.pow(10, Math.floor(Math.log10(Math.min(...all.map((p) => p.chars)))));
  const xMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...all.map((p) => p.chars)))));
  const yMin = Math.pow(10, Math.floor(Math.log10(Math.min(...all.map((p) => p.ms)))));
  const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...all.map((p) => p.ms)))));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (v: number): number => M.left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * pw;
  const y = (v: number): number => M.top + ph - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * ph;
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${M.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`);
  for (let e = Math.log10(xMin); e <= Math.log10(xMax) + 1e-9; e++) {
    const v = Math.pow(10, e);
    parts.push(`<line x1="${f(x(v))}" y1="${M.top}" x2="${f(x(v))}" y2="${M.top + ph}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${f(x(v))}" y="${M.top + ph + 18}" font-size="11" text-anchor="middle">${sizeLabel(v)}</text>`);
  }
  for (let e = Math.log10(yMin); e <= Math.log10(yMax) + 1e-9; e++) {
    const v = Math.pow(10, e);
    parts.push(`<line x1="${M.left}" y1="${f(y(v))}" x2="${M.left + pw}" y2="${f(y(v))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${M.left - 8}" y="${f(y(v) + 4)}" font-size="11" text-anchor="end">${msLabel(v)}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${M.left + pw / 2}" y="${H - 14}" font-size="12" text-anchor="middle">article size (UTF-16 characters, log scale)</text>`);
  parts.push(`<text x="18" y="${M.top + ph / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 18 ${M.top + ph / 2})">time (log scale)</text>`);
  // The guide goes through the first series' largest point: linear cost lies on it.
  const anchor = series[0]?.points.filter((p) => p.ms > 0).at(-1);
  if (anchor) {
    const at = (c: number): number => (anchor.ms * c) / anchor.chars;
    const c0 = Math.max(xMin, (yMin * anchor.chars) / anchor.ms);
    parts.push(`<line x1="${f(x(c0))}" y1="${f(y(at(c0)))}" x2="${f(x(xMax))}" y2="${f(y(Math.min(yMax, at(xMax))))}" stroke="#999" stroke-dasharray="5 4"/>`);
  }
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p.ms > 0);
    if (pts.length > 1) {
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map((p) => `${f(x(p.chars))},${f(y(p.ms))}`).join(' ')}"/>`);
    }
    for (const p of pts) parts.push(`<circle cx="${f(x(p.chars))}" cy="${f(y(p.ms))}" r="3.5" fill="${s.color}"/>`);
    const ly = M.top + 14 + i * 20;
    parts.push(`<line x1="${W - M.right + 14}" y1="${ly - 4}" x2="${W - M.right + 34}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text x="${W - M.right + 40}" y="${ly}" font-size="12">${escapeXml(s.name)}</text>`);
  });
  const gy = M.top + 14 + series.length * 20;
  parts.push(`<line x1="${W - M.right + 14}" y1="${gy - 4}" x2="${W - M.right + 34}" y2="${gy - 4}" stroke="#999" stroke-dasharray="5 4"/>`);
  parts.push(`<text x="${W - M.right + 40}" y="${gy}" font-size="12">linear (slope 1)</text>`);
  return wrap(parts);
}

function emptySvg(title: string): string {
  return wrap([`<text x="20" y="30" font-size="14">${escapeXml(title)}: no data</text>`]);
}

function wrap(parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

function f(v: number): string {
  return v.toFixed(1);
}

function sizeLabel(chars: number): string {
  if (chars >= 1e6) return `${chars / 1e6}M`;
  if (chars >= 1e3) return `${chars / 1e3}K`;
  return String(chars);
}

function msLabel(ms: number): string {
  if (ms >= 1000) return `${ms / 1000} s`;
  if (ms >= 1) return `${ms} ms`;
  return `${+(ms * 1000).toPrecision(3)} µs`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
