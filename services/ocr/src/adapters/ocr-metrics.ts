import { Counter, Histogram, type Registry } from 'prom-client';
import type { ExtractedPage } from '../extract/extracted';

/** OCR metrics on the worker's registry: pages by method, seconds per page, confidence. */
export function createOcrMetrics(registry: Registry, engine: string) {
  const registers = [registry];
  const pages = new Counter({
    name: 'docflow_ocr_pages_total',
    help: 'Pages extracted, by method (text_layer, ocr, spreadsheet, plain) and OCR engine.',
    labelNames: ['method', 'engine'] as const,
    registers,
  });
  const seconds = new Histogram({
    name: 'docflow_ocr_page_seconds',
    help: 'Time to extract one page, by method and OCR engine.',
    labelNames: ['method', 'engine'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32],
    registers,
  });
  const confidence = new Histogram({
    name: 'docflow_ocr_page_confidence',
    help: 'Confidence of each OCR page (0..1); mean = sum / count.',
    labelNames: ['engine'] as const,
    buckets: [0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1],
    registers,
  });
  return {
    record(page: ExtractedPage): void {
      pages.inc({ method: page.method, engine });
      seconds.observe({ method: page.method, engine }, page.durationMs / 1000);
      if (page.method === 'ocr') confidence.observe({ engine }, page.confidence);
    },
  };
}
