// Export throughput for `npm run bench`: every format over the same articles, counting output bytes
// without keeping them, so the numbers measure the exporters and not string building in the bench.

import { exportStream } from '../src/core/export/exportStream';
import { EXPORT_FORMATS, type ExportArticle, type ExportFormat, type ExportOptions } from '../src/core/export/types';

export interface ExportBenchRow {
  format: ExportFormat;
  articles: number;
  records: number;
  /** UTF-8 size of the articles' text, MB (10^6 bytes). */
  textMB: number;
  ms: number;
  /** CPU time of this process (user + system), ms: the fair number on a machine shared with other work. */
  cpuMs: number;
  /** MB of article text exported per second of wall time. */
  mbPerSecond: number;
  /** Size of what the format wrote, MB. */
  outputMB: number;
  /** Highest heap use seen while exporting, MB. */
  peakHeapMB: number;
  failures: number;
}

export async function benchExport(
  articles: readonly ExportArticle[],
  formats: readonly ExportFormat[] = EXPORT_FORMATS,
  // The bench articles have no URL of their own; W3C annotations need one for their ids and
  // targets, so a base URL stands in (without it every W3C article would fail and measure nothing).
  options: ExportOptions = { includeSuggestions: true, reviewer: 'Khabar bench', reviewDate: '2026-01-01', baseUrl: 'https://news.example/archive/' },
): Promise<ExportBenchRow[]> {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const a of articles) bytes += encoder.encode(a.text).length;
  const rows: ExportBenchRow[] = [];
  for (const format of formats) {
    let out = 0;
    let peak = process.memoryUsage().heapUsed;
    const count = (s: string): void => {
      out += s.length * 2; // Upper bound without encoding: Arabic is two UTF-8 bytes a character.
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await exportStream(format, articles, { write: count, writeFile: (_path, content) => count(content) }, {
      ...options,
      onProgress: (done) => {
        if (done % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    rows.push({
      format,
      articles: result.articles,
      records: result.records,
      textMB: bytes / 1e6,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      mbPerSecond: bytes / 1e6 / (ms / 1000),
      outputMB: out / 1e6,
      peakHeapMB: peak / 1e6,
      failures: result.failures.length,
    });
  }
  return rows;
}

export function formatExportBench(rows: readonly ExportBenchRow[]): string {
  const lines = ['format        articles  records   text MB  wall ms  cpu ms    MB/s  out MB  peak heap MB  failures'];
  for (const r of rows) {
    lines.push(
      `${r.format.padEnd(12)} ${String(r.articles).padStart(9)} ${String(r.records).padStart(8)} ${r.textMB.toFixed(2).padStart(9)} ${r.ms.toFixed(0).padStart(8)} ${r.cpuMs.toFixed(0).padStart(7)} ${r.mbPerSecond.toFixed(1).padStart(7)} ${r.outputMB.toFixed(1).padStart(7)} ${r.peakHeapMB.toFixed(0).padStart(13)} ${String(r.failures).padStart(9)}`,
    );
  }
  return lines.join('\n');
}
