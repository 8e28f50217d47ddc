// A one-line progress bar on stderr for long batches, drawn only when stderr is a terminal (never
// into a log file or a pipe), at most ten times a second, and wiped before any other message.

import { formatBytes } from '../core/decode';

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private items = 0;
  private bytes = 0;
  private failed = 0;
  private drawnAt = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly sink: ProgressSink,
    private readonly enabled: boolean,
    /** Bytes to read in all, when known (files; not stdin). */
    private readonly totalBytes: number | undefined,
    private readonly unit: string,
    private readonly workers: number,
  ) {}

  static forStderr(totalBytes: number | undefined, unit: string, workers: number, wanted: boolean | undefined): Progress {
    const tty = process.stderr.isTTY === true;
    return new Progress(process.stderr, wanted ?? tty, totalBytes, unit, workers);
  }

  tick(bytes: number, ok: boolean): void {
    this.items++;
    this.bytes += bytes;
    if (!ok) this.failed++;
    const now = Date.now();
    if (this.enabled && now - this.drawnAt >= 100) {
      this.drawnAt = now;
      this.draw();
    }
  }

  /** Clears the bar so a message can be written; the next tick draws it again. */
  clear(): void {
    if (this.shown) this.sink.write('\r\x1b[K');
    this.shown = false;
  }

  done(): void {
    if (!this.enabled) return;
    this.clear();
  }

  line(): string {
    const secs = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = `${formatBytes(Math.round(this.bytes / secs))}/s`;
    const count = `${this.items.toLocaleString('en')} ${this.unit}${this.failed ? ` (${this.failed} failed)` : ''}`;
    const where = this.workers > 0 ? `, ${this.workers} worker${this.workers === 1 ? '' : 's'}` : '';
    if (this.totalBytes && this.totalBytes > 0) {
      const share = Math.min(1, this.bytes / this.totalBytes);
      const width = 24;
      const full = Math.round(share * width);
      const left = share > 0 ? Math.max(0, (secs / share) * (1 - share)) : 0;
      return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${(share * 100).toFixed(0)}% ${count}, ${formatBytes(this.bytes)} of ${formatBytes(this.totalBytes)}, ${rate}${where}, ${formatDuration(left)} left`;
    }
    return `${count}, ${formatBytes(this.bytes)}, ${rate}${where}`;
  }

  private draw(): void {
    let s = `khabar detect: ${this.line()}`;
    const cols = this.sink.columns ?? 100;
    if (s.length > cols - 1) s = s.slice(0, cols - 1);
    this.sink.write(`\r\x1b[K${s}`);
    this.shown = true;
  }
}

function formatDuration(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
