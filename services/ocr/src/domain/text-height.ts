import type { GreyPage } from './grey-page';
import { inkLevels } from './otsu-threshold';

/**
 * The typical height in pixels of a page's characters: the median height, weighted by ink, of its
 * ink blobs (8-connected, ink being the minority side of the Otsu threshold) that are shaped like
 * characters: at least `minHeight` tall, at most a tenth of the page tall, at most three times as
 * wide as tall, at most three times the unweighted median. Specks, rules, logos and borders drop
 * out. Undefined when the page has no such blob. Blobs are built from each row's runs of ink joined to the runs they touch in the row
 * above (union-find), so the cost is one pass over the pixels plus a little per run.
 */
export function textHeight(page: GreyPage, minHeight = 4): number | undefined {
  const { pixels, width, height } = page;
  const ink = inkLevels(pixels);
  const starts: number[] = [];
  const ends: number[] = [];
  const rows: number[] = [];
  const parent: number[] = [];
  const root = (run: number): number => {
    let r = run;
    while (parent[r] !== r) {
      parent[r] = parent[parent[r]!]!;
      r = parent[r]!;
    }
    return r;
  };
  let above = 0; // first run of the row above
  let aboveEnd = 0; // one past its last run
  for (let y = 0; y < height; y++) {
    const first = starts.length;
    let candidate = above;
    for (let x = 0, base = y * width; x < width;) {
      if (ink[pixels[base + x]!] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && ink[pixels[base + x]!] === 1) x++;
      const run = starts.length;
      starts.push(start);
      ends.push(x - 1);
      rows.push(y);
      parent.push(run);
      // runs above touching [start - 1, x] (diagonals count): skip those ending further left
      while (candidate < aboveEnd && ends[candidate]! < start - 1) candidate++;
      for (let r = candidate; r < aboveEnd && starts[r]! <= x; r++) {
        const a = root(r);
        const b = root(run);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    above = first;
    aboveEnd = starts.length;
  }
  const count = starts.length;
  const top = new Int32Array(count).fill(height);
  const bottom = new Int32Array(count).fill(-1);
  const left = new Int32Array(count).fill(width);
  const right = new Int32Array(count).fill(-1);
  const area = new Float64Array(count);
  for (let run = 0; run < count; run++) {
    const r = root(run);
    top[r] = Math.min(top[r]!, rows[run]!);
    bottom[r] = Math.max(bottom[r]!, rows[run]!);
    left[r] = Math.min(left[r]!, starts[run]!);
    right[r] = Math.max(right[r]!, ends[run]!);
    area[r] = area[r]! + ends[run]! - starts[run]! + 1;
  }
  const blobs: { height: number; area: number }[] = [];
  for (let r = 0; r < count; r++) {
    if (bottom[r]! < 0) continue;
    const h = bottom[r]! - top[r]! + 1;
    const w = right[r]! - left[r]! + 1;
    if (h >= minHeight && h <= height / 10 && w <= 3 * h) blobs.push({ height: h, area: area[r]! });
  }
  if (blobs.length === 0) return undefined;
  blobs.sort((a, b) => a.height - b.height);
  // Broken strokes (dot-matrix print, faded thermal paper) leave many small fragments beside the
  // whole characters: weighting each blob by its ink lets the characters outvote them. Blobs more
  // than three times the plain median (logos, stamps) are left out of the vote.
  const plain = blobs[Math.floor(blobs.length / 2)]!.height;
  const voters = blobs.filter((b) => b.height <= 3 * plain);
  const total = voters.reduce((sum, b) => sum + b.area, 0);
  let seen = 0;
  for (const blob of voters) {
    seen += blob.area;
    if (seen >= total / 2) return blob.height;
  }
  return plain;
}
