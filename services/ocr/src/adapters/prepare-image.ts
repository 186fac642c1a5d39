import sharp from 'sharp';
import { budgetExceeded } from '../domain/archive-failure';
import type { GreyPage } from '../domain/grey-page';
import type { PageGeometry } from '../domain/measure-page';
import type { PageFrame } from '../domain/page-frame';
import { ocrScale } from '../domain/ocr-scale';

/** Most pixels of the grey copy a page's character height is measured on. */
const TEXT_SAMPLE_PIXELS = 4_000_000;
/** Longer side of the grey copy a page's skew is measured on. */
const SKEW_SAMPLE_SIDE = 600;

export interface PrepareOptions {
  /** Page of a multi-page image (TIFF), from 0. */
  page?: number;
  /** Fallback when no text height is measured: small scans without a resolution are upscaled ×2. */
  upscaleBelowPx: number;
  /** Most pixels the image may declare to be decoded (OCR_MAX_IMAGE_PIXELS). */
  maxPixels: number;
  /** Character height pages are scaled to (OCR_TEXT_HEIGHT_PX); 0 measures nothing. */
  textHeightPx: number;
  /** Most pixels a page is scaled up to (OCR_MAX_PAGE_PIXELS). */
  maxScaledPixels: number;
  /** Measures the page (in the service: a budgeted step). */
  measure: (samples: { text: GreyPage; skew: GreyPage }) => Promise<PageGeometry>;
}

/**
 * Prepares one page image for Tesseract: EXIF orientation applied, grayscale, levelled when its
 * text lines are skewed (projection profiles on a small copy), and scaled so its characters are
 * about `textHeightPx` tall (the median height of character-shaped ink blobs). Returns a PNG
 * declaring 300 dpi. Without a measured text height, small scans (a known resolution below
 * 150 dpi, or no resolution and a small image) are upscaled ×2 instead. An image whose header
 * declares more than `maxPixels` is never decoded: it fails with BUDGET_EXCEEDED
 * (OCR_MAX_IMAGE_PIXELS).
 *
 * No contrast stretch: Tesseract binarises each page itself (Otsu), which a linear stretch does not
 * change, while clipping at a percentile does harm: on an A4 scan of a small receipt the ink is
 * under 1 % of the pixels, and a 1st-percentile stretch turned the letters and their JPEG halos
 * into black blobs that Tesseract read as nothing.
 *
 * Returns the PNG with its frame: the page's size as shown, the levelling angle and the sizes
 * after levelling and scaling.
 */
export interface PreparedPage {
  /** The PNG Tesseract reads. */
  image: Buffer;
  /** How it was made from the page as shown (to map Tesseract's boxes back). */
  frame: PageFrame;
}

export async function prepareImage(input: Buffer, options: PrepareOptions): Promise<PreparedPage> {
  const image = sharp(input, {
    page: options.page ?? 0,
    limitInputPixels: options.maxPixels,
  }).rotate();
  const decoded = await withinPixelLimit(options.maxPixels, async () => {
    const meta = await image.metadata();
    const { data, info } = await image
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { meta, page: { pixels: data, width: info.width, height: info.height } };
  });
  const shown = { width: decoded.page.width, height: decoded.page.height };
  let page: GreyPage = decoded.page;
  const geometry =
    options.textHeightPx > 0 && page.width * page.height > 0
      ? await options.measure(await samplesOf(page))
      : undefined;
  if (geometry && geometry.skewDegrees !== 0) page = await levelled(page, geometry.skewDegrees);
  const fromText = geometry?.textHeightPx
    ? ocrScale(geometry.textHeightPx * sampleRatio(decoded.page), page, {
        targetPx: options.textHeightPx,
        minScale: 0.5,
        maxScale: 4,
        maxPixels: Math.max(options.maxScaledPixels, page.width * page.height),
      })
    : undefined;
  const { meta } = decoded;
  // Small scans only: a known resolution below 150 dpi, or no resolution and a small image. A
  // short strip at 300 dpi is not small (upscaling it would only make OCR slower).
  const known = meta.density !== undefined && meta.density !== 72;
  const longer = Math.max(page.width, page.height);
  const scale =
    fromText ??
    ((known ? meta.density! < 150 : longer > 0 && longer < options.upscaleBelowPx) ? 2 : 1);
  let pipeline = raw(page);
  if (scale !== 1)
    pipeline = pipeline.resize({
      width: Math.max(1, Math.round(page.width * scale)),
      height: Math.max(1, Math.round(page.height * scale)),
      kernel: 'lanczos3',
    });
  // Tesseract sizes its analysis by the image's resolution. Text scaled to the target height reads
  // as ordinary print at 300 dpi; otherwise an unknown or placeholder 72 dpi (most cameras and
  // encoders) would make it misjudge text size, so such images declare 300.
  const declared =
    fromText !== undefined ? 300 : meta.density && meta.density > 72 ? meta.density : 300;
  const density = fromText === undefined && scale === 2 ? declared * 2 : declared;
  const { data, info } = await pipeline
    .toColourspace('b-w')
    .withDensity(density)
    .png({ compressionLevel: 0 })
    .toBuffer({ resolveWithObject: true });
  return {
    image: data,
    frame: {
      ...shown,
      skewDegrees: geometry?.skewDegrees ?? 0,
      levelled: { width: page.width, height: page.height },
      prepared: { width: info.width, height: info.height },
    },
  };
}

const raw = (page: GreyPage) =>
  sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } });

/** The page's pixels per text-sample pixel (1 unless the page is larger than the sample cap). */
const sampleRatio = (page: GreyPage): number =>
  Math.max(1, Math.sqrt((page.width * page.height) / TEXT_SAMPLE_PIXELS));

async function greyCopy(page: GreyPage, width: number, height: number): Promise<GreyPage> {
  const { data, info } = await raw(page)
    .resize({ width, height, fit: 'inside', kernel: 'cubic' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
}

/** The page held to TEXT_SAMPLE_PIXELS for its text height, and a small copy for its skew. */
async function samplesOf(page: GreyPage): Promise<{ text: GreyPage; skew: GreyPage }> {
  const ratio = sampleRatio(page);
  const text =
    ratio === 1
      ? page
      : await greyCopy(page, Math.round(page.width / ratio), Math.round(page.height / ratio));
  const skew =
    Math.max(page.width, page.height) <= SKEW_SAMPLE_SIDE
      ? page
      : await greyCopy(page, SKEW_SAMPLE_SIDE, SKEW_SAMPLE_SIDE);
  return { text, skew };
}

/** The page rotated by minus its skew, the corners it uncovers white. */
async function levelled(page: GreyPage, skewDegrees: number): Promise<GreyPage> {
  const { data, info } = await raw(page)
    .rotate(-skewDegrees, { background: '#ffffff' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: data, width: info.width, height: info.height };
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
