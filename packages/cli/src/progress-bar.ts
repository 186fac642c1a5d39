/** How far a batch (or one document) is: enough to draw a bar. */
export interface Progress {
  total: number;
  settled: number;
  byStatus: Record<string, number>;
}

/** Where progress is drawn: a terminal (redrawn in place) or a log (one line now and then). */
export interface ProgressOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  update(progress: Progress): void;
  /** Ends the drawing (a terminal's line is finished). */
  done(): void;
  /** A note between updates (e.g. the live stream dropped), on its own line. */
  note(line: string): void;
}

/** `  [#########.....................] 3/10  30%  published 2, rejected 1` */
export function renderProgressLine(progress: Progress, width = 30): string {
  const { total, settled } = progress;
  const ratio = total === 0 ? 1 : Math.min(1, settled / total);
  const filled = Math.round(ratio * width);
  const counts = Object.entries(progress.byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${settled}/${total} ${percent}${counts ? `  ${counts}` : ''}`;
}

/**
 * Draws progress: on a terminal one line redrawn in place (cut to the terminal's width so it never
 * wraps); elsewhere a line at the first update, then at most one every `intervalMs`, and the last.
 */
export function createProgressReporter(
  out: ProgressOutput,
  options: { intervalMs?: number; now?: () => number } = {},
): ProgressReporter {
  const intervalMs = options.intervalMs ?? 10_000;
  const now = options.now ?? Date.now;
  let drawn = false;
  let lastLineAt: number | null = null;
  let finalPrinted = false;

  return {
    update(progress) {
      const line = renderProgressLine(progress);
      const final = progress.settled >= progress.total;
      if (out.isTTY) {
        const fit = out.columns ? line.slice(0, Math.max(10, out.columns - 1)) : line;
        out.write(`\r${fit}\x1b[K`);
        drawn = true;
        return;
      }
      const due = lastLineAt === null || now() - lastLineAt >= intervalMs;
      if ((final && !finalPrinted) || (!final && due)) {
        out.write(`${line}\n`);
        lastLineAt = now();
        finalPrinted = final;
      }
    },
    note(line) {
      if (drawn) out.write('\n');
      drawn = false;
      out.write(`  ${line}\n`);
    },
    done() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
