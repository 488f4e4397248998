/** Plain SVG charts for BENCHMARKS.md: a line chart and a grouped bar chart, no chart library. */

/** One line of a line chart: points in data units. */
export interface Series {
  name: string;
  color: string;
  points: Array<[number, number]>;
  /** Dashed line (e.g. a floor or a reference). */
  dashed?: boolean;
}

/** A chart's frame: size, title and axis labels. */
export interface ChartFrame {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const MARGIN = { left: 64, right: 180, top: 36, bottom: 48 };

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A round upper bound for an axis, and its tick step. */
function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

function label(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 1 ? 2 : 1);
}

/** The frame, title, axes, y ticks and legend shared by both chart kinds. */
function frame(f: ChartFrame, yTop: number, yStep: number, legend: Array<[string, string, boolean?]>) {
  const width = f.width ?? 720;
  const height = f.height ?? 360;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - (v / yTop) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${escape(f.title)}</text>`,
  ];
  for (let v = 0; v <= yTop + 1e-9; v += yStep) {
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${label(v)}</text>`,
    );
  }
  out.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${height - 10}" text-anchor="middle">${escape(f.xLabel)}</text>`,
    `<text x="16" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})">${escape(f.yLabel)}</text>`,
  );
  legend.forEach(([name, color, dashed], i) => {
    const ly = MARGIN.top + 8 + i * 18;
    const lx = MARGIN.left + plotW + 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 20}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="3"${dashed ? ' stroke-dasharray="5 4"' : ""}/>`,
      `<text x="${lx + 26}" y="${ly + 4}">${escape(name)}</text>`,
    );
  });
  return { out, plotW, plotH, y };
}

/** A line chart of `series` (x and y from 0 to the largest value). */
export function lineChart(f: ChartFrame, series: Series[]): string {
  const all = series.flatMap((s) => s.points);
  const xs = niceScale(Math.max(...all.map((p) => p[0])));
  const ys = niceScale(Math.max(...all.map((p) => p[1])));
  const { out, plotW, y } = frame(
    f,
    ys.top,
    ys.step,
    series.map((s) => [s.name, s.color, s.dashed]),
  );
  const x = (v: number) => MARGIN.left + (v / xs.top) * plotW;
  for (let v = 0; v <= xs.top + 1e-9; v += xs.step) {
    out.push(`<text x="${x(v)}" y="${y(0) + 16}" text-anchor="middle">${label(v)}</text>`);
  }
  for (const s of series) {
    const path = s.points.map(([px, py], i) => `${i ? "L" : "M"}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(" ");
    out.push(
      `<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ""}/>`,
    );
    if (s.points.length <= 20) {
      for (const [px, py] of s.points) {
        out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${s.color}"/>`);
      }
    }
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}

/** A grouped bar chart: one group per category, one bar per series; `notes` print above bars. */
export function barChart(
  f: ChartFrame,
  categories: string[],
  series: Array<{ name: string; color: string; values: number[]; notes?: string[] }>,
): string {
  const ys = niceScale(Math.max(...series.flatMap((s) => s.values)));
  const { out, plotW, y } = frame(
    f,
    ys.top,
    ys.step,
    series.map((s) => [s.name, s.color]),
  );
  const groupW = plotW / categories.length;
  const barW = (groupW * 0.8) / series.length;
  categories.forEach((category, c) => {
    const gx = MARGIN.left + c * groupW + groupW * 0.1;
    out.push(`<text x="${gx + groupW * 0.4}" y="${y(0) + 16}" text-anchor="middle">${escape(category)}</text>`);
    series.forEach((s, i) => {
      const value = s.values[c];
      const bx = gx + i * barW;
      out.push(
        `<rect x="${bx.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - y(value)).toFixed(1)}" fill="${s.color}"/>`,
      );
      const note = s.notes?.[c];
      if (note) {
        out.push(
          `<text x="${(bx + barW / 2).toFixed(1)}" y="${(y(value) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${escape(note)}</text>`,
        );
      }
    });
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
