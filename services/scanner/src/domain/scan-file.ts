import { createHash } from 'node:crypto';
import type { DetectedType } from '@docflow/contracts';
import type { PdfEngine } from '@docflow/pdf';
import { detectType } from './detect-type';
import { inspectFile } from './inspect-file';
import type { Limits, Rejection } from './rejection';

/** What validation found out about an acceptable file. */
export interface ValidFile {
  type: DetectedType;
  mime: string;
  sha256: string;
  pages?: number;
}

/**
 * Type detection by magic bytes, then the type's structural checks and limits. Its only I/O is
 * `pdf` (poppler, for PDFs).
 */
export async function validateFile(
  bytes: Buffer,
  limits: Limits,
  pdf: Pick<PdfEngine, 'info'>,
): Promise<{ ok: true; file: ValidFile } | { ok: false; rejection: Rejection }> {
  if (bytes.length === 0)
    return { ok: false, rejection: { reason: 'empty', message: 'file is empty' } };
  if (bytes.length > limits.maxBytes)
    return { ok: false, rejection: tooLarge(bytes.length, limits.maxBytes) };
  const detection = detectType(bytes);
  if (!detection.allowed)
    return {
      ok: false,
      rejection: {
        reason: 'unsupported_type',
        message: `file type "${detection.detected}" is not accepted`,
        details: { detectedType: detection.detected, mimeType: detection.mime },
      },
    };
  const inspection = await inspectFile(detection.type, bytes, limits, pdf);
  if (!inspection.ok) return inspection;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file: ValidFile = { type: detection.type, mime: detection.mime, sha256 };
  if (inspection.pages !== undefined) file.pages = inspection.pages;
  return { ok: true, file };
}

export const tooLarge = (sizeBytes: number, maxBytes: number): Rejection => ({
  reason: 'too_large',
  message: `file has ${sizeBytes} bytes; at most ${maxBytes} are accepted`,
  details: { sizeBytes, maxBytes },
});
