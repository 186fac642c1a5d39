import type { GreyPage } from './grey-page';
import { inkLevels } from './otsu-threshold';

export interface SkewOptions {
  /** Largest skew looked for, either way (degrees). */
  maxDegrees: number;
  /** Angles tried between -max and max (degrees). */
  stepDegrees: number;
  /** Smallest skew worth rotating the page for (degrees). */
  minDegrees: number;
  /** How much sharper the best angle's row profile must be than the unrotated one's (1.05: 5 %). */
  minGain: number;
}

export const DEFAULT_SKEW: SkewOptions = {
  maxDegrees: 5,
  stepDegrees: 0.2,
  minDegrees: 0.5,
  minGain: 1.05,
};

/**
 * The skew of a page's text lines in degrees, by projection profiles: the ink pixels (the minority
 * side of the Otsu threshold) are summed
 * along lines of each candidate slope, and the slope whose sums are most uneven (largest sum of
 * squares: ink in lines, paper between them) wins. Positive when lines fall to the right (y grows
 * with x), so rotating the page by minus this levels them. 0 when the best slope is under
 * `minDegrees` or not clearly better than level (`minGain`). Meant for a small copy of the page
 * (a few hundred pixels a side): cost is ink pixels × angles tried.
 */
export function skewAngle(page: GreyPage, options: SkewOptions = DEFAULT_SKEW): number {
  const { pixels, width, height } = page;
  const ink = inkLevels(pixels);
  let count = 0;
  for (let i = 0; i < pixels.length; i++) count += ink[pixels[i]!]!;
  if (count === 0 || count === pixels.length) return 0;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let n = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[pixels[y * width + x]!] === 1) {
        xs[n] = x;
        ys[n++] = y;
      }
  const rows = new Float64Array(height + 2 * width + 2);
  const sharpness = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    rows.fill(0);
    for (let i = 0; i < count; i++) rows[Math.round(ys[i]! - xs[i]! * slope) + width + 1]! += 1;
    let sum = 0;
    for (let r = 0; r < rows.length; r++) sum += rows[r]! * rows[r]!;
    return sum;
  };
  const level = sharpness(0);
  let best = 0;
  let bestSharpness = level;
  const steps = Math.round(options.maxDegrees / options.stepDegrees);
  for (let s = -steps; s <= steps; s++) {
    const degrees = s * options.stepDegrees;
    const value = sharpness(degrees);
    if (value > bestSharpness) {
      bestSharpness = value;
      best = degrees;
    }
  }
  if (Math.abs(best) < options.minDegrees || bestSharpness < level * options.minGain) return 0;
  return Math.round(best * 100) / 100;
}
