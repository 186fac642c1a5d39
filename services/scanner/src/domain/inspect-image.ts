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
    meta = await sharp(bytes, { limitInputPixels: false, pages: -1 }).metadata();
  } catch (err) {
    return refused('corrupt', 'image header cannot be read', { error: errorText(err) });
  }
  const pages = meta.pages ?? 1;
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width === 0 || height === 0)
    return refused('corrupt', 'image declares no size', { problem: 'no_size' });
  if (width * height > limits.maxImagePixels)
    return refused(
      'too_many_pixels',
      `image declares ${width}×${height} pixels; at most ${limits.maxImagePixels} pixels are accepted`,
      { width, height, pixels: width * height, maxPixels: limits.maxImagePixels },
    );
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
      return refused('corrupt', `image data cannot be decoded (page ${page + 1})`, {
        page: page + 1,
        error: errorText(err),
      });
    }
  }
  return accepted(pages);
}
