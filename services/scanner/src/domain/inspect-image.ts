import sharp from 'sharp';
import { accepted, errorText, refused, type Inspection, type Limits } from './rejection';

/**
 * Checks an image's declared size from its header before decoding any pixels (decompression bombs
 * declare huge sizes in tiny files), then decodes it once to prove it is complete. Multi-page TIFFs
 * are checked page by page and against the page limit.
 */
export async function inspectImage(
  bytes: Buffer,
  limits: Pick<Limits, 'maxImagePixels' | 'maxPages'>,
): Promise<Inspection> {
  let meta: sharp.Metadata;
  try {
    // sharp refuses a header past limitInputPixels; the first page is held to the page limit,
    // all pages together (their stack) to it times the page count allowed
    await sharp(bytes, { limitInputPixels: limits.maxImagePixels }).metadata();
    meta = await sharp(bytes, {
      limitInputPixels: limits.maxImagePixels * limits.maxPages,
      pages: -1,
    }).metadata();
  } catch (err) {
    if (PIXEL_LIMIT.test(errorText(err))) return tooManyPixels(limits.maxImagePixels);
    return refused('corrupt', 'image header cannot be read', { error: errorText(err) });
  }
  const pages = meta.pages ?? 1;
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width === 0 || height === 0)
    return refused('corrupt', 'image declares no size', { problem: 'no_size' });
  if (width * height > limits.maxImagePixels)
    return tooManyPixels(limits.maxImagePixels, width, height);
  if (pages > limits.maxPages)
    return refused(
      'too_many_pages',
      `image has ${pages} pages; at most ${limits.maxPages} are accepted`,
      {
        pages,
        maxPages: limits.maxPages,
      },
    );
  for (let page = 0; page < pages; page++) {
    try {
      // Decoding fails on truncated or damaged data (sharp's default failOn is "warning").
      await sharp(bytes, { page, limitInputPixels: limits.maxImagePixels }).stats();
    } catch (err) {
      if (PIXEL_LIMIT.test(errorText(err))) return tooManyPixels(limits.maxImagePixels);
      return refused('corrupt', `image data cannot be decoded (page ${page + 1})`, {
        page: page + 1,
        error: errorText(err),
      });
    }
  }
  return accepted(pages);
}

/** sharp's error for a header past `limitInputPixels`. */
const PIXEL_LIMIT = /exceeds pixel limit/i;

const tooManyPixels = (maxPixels: number, width?: number, height?: number): Inspection =>
  width === undefined || height === undefined
    ? refused(
        'too_many_pixels',
        `image declares more than ${maxPixels} pixels per page (SCANNER_MAX_IMAGE_PIXELS)`,
        { maxPixels },
      )
    : refused(
        'too_many_pixels',
        `image declares ${width}×${height} pixels; at most ${maxPixels} pixels are accepted (SCANNER_MAX_IMAGE_PIXELS)`,
        { width, height, pixels: width * height, maxPixels },
      );
