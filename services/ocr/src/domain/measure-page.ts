import type { GreyPage } from './grey-page';
import { skewAngle } from './skew-angle';
import { textHeight } from './text-height';

/** What preparing a page for OCR needs to know about it. */
export interface PageGeometry {
  /** Typical character height in the text sample's pixels; undefined when no text was found. */
  textHeightPx?: number;
  /** Skew of the text lines in degrees (0: level, or not sure), from the skew sample. */
  skewDegrees: number;
}

/**
 * Measures a page from two grey copies: `text`, at most a few megapixels (character height), and
 * `skew`, a few hundred pixels a side (line slope).
 */
export function measurePage(samples: { text: GreyPage; skew: GreyPage }): PageGeometry {
  const height = textHeight(samples.text);
  return {
    ...(height !== undefined ? { textHeightPx: height } : {}),
    skewDegrees: skewAngle(samples.skew),
  };
}
