import sharp from 'sharp';

/**
 * Prepares one page image for OCR: EXIF orientation applied, grayscale, contrast normalised, and
 * small scans (low or unknown resolution and few pixels) upscaled ×2 (Tesseract reads best at roughly 300 dpi). Returns a PNG with its
 * resolution set.
 */
export async function prepareImage(
  input: Buffer,
  options: { page?: number; upscaleBelowPx: number },
): Promise<Buffer> {
  const image = sharp(input, { page: options.page ?? 0, limitInputPixels: false }).rotate();
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  let pipeline = image.greyscale().normalise();
  // Small scans only: a known resolution below 150 dpi, or no resolution and a small image. A
  // short strip at 300 dpi is not small (upscaling it would only make OCR slower).
  const known = meta.density !== undefined && meta.density !== 72;
  const upscale = known
    ? meta.density! < 150
    : Math.max(width, height) > 0 && Math.max(width, height) < options.upscaleBelowPx;
  if (upscale)
    pipeline = pipeline.resize({ width: width * 2, height: height * 2, kernel: 'lanczos3' });
  // Tesseract sizes its analysis by the image's resolution: an unknown or placeholder 72 dpi
  // (most cameras and encoders) would make it misjudge text size, so such images declare 300.
  const declared = meta.density && meta.density > 72 ? meta.density : 300;
  const density = upscale ? declared * 2 : declared;
  return pipeline.withMetadata({ density }).png({ compressionLevel: 1 }).toBuffer();
}

/** Pages of an image file (multi-page TIFF has several). */
export async function imagePages(input: Buffer): Promise<number> {
  return (await sharp(input, { limitInputPixels: false }).metadata()).pages ?? 1;
}
