import sharp from 'sharp';
import { budgetExceeded } from '../domain/archive-failure';

/**
 * Prepares one page image for OCR: EXIF orientation applied, grayscale, contrast stretched from the
 * 1st to the 99th luminance percentile (what sharp's normalise does), and small scans (low or
 * unknown resolution and few pixels) upscaled ×2 (Tesseract reads best at roughly 300 dpi).
 * Returns a PNG with its resolution set. An image whose header declares more than `maxPixels`
 * is never decoded: it fails with BUDGET_EXCEEDED (OCR_MAX_IMAGE_PIXELS).
 *
 * The page is decoded once into grey pixels; the histogram and the stretch run on that buffer
 * (normalise() would decode the page twice, and a compressed PNG costs more to write than it
 * saves: the file only lives until Tesseract has read it).
 */
export async function prepareImage(
  input: Buffer,
  options: { page?: number; upscaleBelowPx: number; maxPixels: number },
): Promise<Buffer> {
  const image = sharp(input, {
    page: options.page ?? 0,
    limitInputPixels: options.maxPixels,
  }).rotate();
  const { meta, data, info } = await withinPixelLimit(options.maxPixels, async () => {
    const meta = await image.metadata();
    const decoded = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
    return { meta, ...decoded };
  });
  stretchContrast(data, info.channels);
  const { width, height } = info;
  // Small scans only: a known resolution below 150 dpi, or no resolution and a small image. A
  // short strip at 300 dpi is not small (upscaling it would only make OCR slower).
  const known = meta.density !== undefined && meta.density !== 72;
  const upscale = known
    ? meta.density! < 150
    : Math.max(width, height) > 0 && Math.max(width, height) < options.upscaleBelowPx;
  let pipeline = sharp(data, { raw: { width, height, channels: info.channels } });
  if (info.channels > 1) pipeline = pipeline.extractChannel(0);
  if (upscale)
    pipeline = pipeline.resize({ width: width * 2, height: height * 2, kernel: 'lanczos3' });
  // Tesseract sizes its analysis by the image's resolution: an unknown or placeholder 72 dpi
  // (most cameras and encoders) would make it misjudge text size, so such images declare 300.
  const declared = meta.density && meta.density > 72 ? meta.density : 300;
  const density = upscale ? declared * 2 : declared;
  return pipeline.toColourspace('b-w').withDensity(density).png({ compressionLevel: 0 }).toBuffer();
}

/** Stretches the first channel in place so its 1st..99th percentiles span 0..255. */
function stretchContrast(data: Buffer, channels: number): void {
  const histogram = new Array<number>(256).fill(0);
  const pixels = data.length / channels;
  for (let i = 0; i < data.length; i += channels) histogram[data[i]!]! += 1;
  const percentile = (q: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= q * pixels) return v;
    }
    return 255;
  };
  const low = percentile(0.01);
  const high = percentile(0.99);
  if (high - low < 8 || (low === 0 && high === 255)) return;
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    table[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  for (let i = 0; i < data.length; i += channels) data[i] = table[data[i]!]!;
}

/** Pages of an image file (multi-page TIFF has several); its first page held to `maxPixels`. */
export async function imagePages(input: Buffer, maxPixels: number): Promise<number> {
  return withinPixelLimit(
    maxPixels,
    async () => (await sharp(input, { limitInputPixels: maxPixels }).metadata()).pages ?? 1,
  );
}

/** Runs `read`, turning sharp's refusal of a header past `limitInputPixels` into BUDGET_EXCEEDED. */
async function withinPixelLimit<T>(maxPixels: number, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof Error && /exceeds pixel limit/i.test(err.message))
      throw budgetExceeded(
        `ocr: image declares more than ${maxPixels} pixels per page (OCR_MAX_IMAGE_PIXELS)`,
        { limit: 'OCR_MAX_IMAGE_PIXELS', budget: maxPixels },
      );
    throw err;
  }
}
