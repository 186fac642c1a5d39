/**
 * Otsu's threshold of grey pixels: the level that best separates them into two classes (ink at
 * or below it, paper above), by the largest between-class variance of the histogram.
 */
export function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]! += 1;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v]!;
  let below = 0;
  let sumBelow = 0;
  let best = -1;
  let threshold = 127;
  for (let v = 0; v < 256; v++) {
    below += histogram[v]!;
    if (below === 0) continue;
    const above = pixels.length - below;
    if (above === 0) break;
    sumBelow += v * histogram[v]!;
    const gap = sumBelow / below - (sum - sumBelow) / above;
    const between = below * above * gap * gap;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/**
 * Which grey levels are ink: the Otsu class with fewer pixels (paper is most of a page), so dark
 * text on light paper and light text on a dark background both work. 1 for ink, 0 for paper.
 */
export function inkLevels(pixels: Uint8Array): Uint8Array {
  const threshold = otsuThreshold(pixels);
  let dark = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! <= threshold) dark++;
  const darkIsInk = dark <= pixels.length / 2;
  const levels = new Uint8Array(256);
  for (let v = 0; v < 256; v++) levels[v] = v <= threshold === darkIsInk ? 1 : 0;
  return levels;
}
