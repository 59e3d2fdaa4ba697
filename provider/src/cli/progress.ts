/**
 * A gate's progress on stderr. On a terminal, one live line redrawn in place (jobs ready of
 * selected, a bar, counts per state, elapsed of the time-out); anywhere else (a CI log), a line
 * when the counts change and, while they do not, a heartbeat line at most once per check and no
 * more often than `heartbeatMs`, so a long wait is visibly alive without flooding the log.
 */
import type { GateCheck } from "../functions/context";
import type { ApiJob } from "../schema/trainingJob";

export interface ProgressOptions {
  write: (text: string) => void;
  /** Draw the live line (stderr is a terminal). */
  live: boolean;
  /** Width of the terminal: the live line must never wrap, or redrawing it would leave copies. */
  columns?: number;
  targetStates: readonly string[];
  timeoutSeconds: number;
  heartbeatMs: number;
}

const BAR_WIDTH = 10;
const REDRAW_MS = 1000;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) return `${h}h${String(m).padStart(2, "0")}m${String(sec).padStart(2, "0")}s`;
  if (m) return `${m}m${String(sec).padStart(2, "0")}s`;
  return `${sec}s`;
}

/** [["COMPILING", 2], ["JOB_FINISH", 1]]: most common first, then by name. */
export function stateCounts(jobs: readonly ApiJob[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const j of jobs) counts.set(j.state, (counts.get(j.state) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export class GateProgress {
  private readonly startedAt = Date.now();
  private readonly targets: ReadonlySet<string>;
  private last: GateCheck | undefined;
  private lastCounts: string | undefined;
  private lastLineAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;

  constructor(private readonly opts: ProgressOptions) {
    this.targets = new Set(opts.targetStates);
  }

  private summary(check: GateCheck): { ready: number; total: number; counts: string } {
    const ready = check.jobs.filter((j) => this.targets.has(j.state)).length;
    const counts = stateCounts(check.jobs)
      .map(([s, n]) => `${s}: ${n}`)
      .join(", ");
    return { ready, total: check.jobs.length, counts };
  }

  private elapsedText(): string {
    const of = this.opts.timeoutSeconds ? ` of ${formatDuration(this.opts.timeoutSeconds)}` : "";
    return `${formatDuration((Date.now() - this.startedAt) / 1000)}${of}`;
  }

  private liveLine(): string {
    if (!this.last) return `metastudio: checking the jobs... ${this.elapsedText()}`;
    const { ready, total, counts } = this.summary(this.last);
    const filled = total ? Math.round((ready / total) * BAR_WIDTH) : 0;
    const bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    const line = `metastudio: ${ready}/${total} ready [${bar}] ${this.elapsedText()}  ${counts}`;
    // A pseudo-terminal without a size reports 0 columns.
    const width = (this.opts.columns || 80) - 1;
    return line.length > width ? line.slice(0, Math.max(0, width - 3)) + "..." : line;
  }

  private draw(): void {
    this.opts.write(`\r\x1b[2K${this.liveLine()}`);
    this.drawn = true;
  }

  start(): void {
    if (!this.opts.live) return;
    this.draw();
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
  }

  check(check: GateCheck): void {
    this.last = check;
    // Nothing selected: the gate fails on this check and says so; there is no progress to show.
    if (check.jobs.length === 0) return;
    if (this.opts.live) return this.draw();
    const { ready, total, counts } = this.summary(check);
    const goal = this.opts.targetStates.join(" or ");
    const now = Date.now();
    if (counts !== this.lastCounts) {
      this.lastCounts = counts;
      this.lastLineAt = now;
      this.opts.write(`metastudio: [${this.elapsedText()}] ${ready} of ${total} jobs in ${goal}; ${counts}\n`);
    } else if (now - this.lastLineAt >= this.opts.heartbeatMs) {
      this.lastLineAt = now;
      this.opts.write(`metastudio: [${this.elapsedText()}] still waiting: ${ready} of ${total} jobs in ${goal}; ${counts}\n`);
    }
  }

  /** A message between progress lines: on a terminal the live line is cleared first and redrawn after. */
  message(line: string): void {
    if (this.opts.live && this.drawn) {
      this.opts.write(`\r\x1b[2K${line}\n`);
      this.draw();
    } else this.opts.write(line + "\n");
  }

  /** Leaves the terminal as it found it: the live line stays as the last state, followed by a newline. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.opts.live && this.drawn) {
      this.draw();
      this.opts.write("\n");
      this.drawn = false;
    }
  }
}
