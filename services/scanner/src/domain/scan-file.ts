import { createHash } from 'node:crypto';
import type { DetectedType, EInvoiceInfo } from '@docflow/contracts';
import type { PdfEngine } from '@docflow/pdf';
import { detectType } from './detect-type';
import { embeddedInvoice } from './embedded-invoice';
import type { XmlProbe } from './inspect-xml';
import { probeXmlTask } from './probe-xml-task';
import { inspectFile } from './inspect-file';
import type { Limits, Rejection } from './rejection';

/** What validation found out about an acceptable file. */
export interface ValidFile {
  type: DetectedType;
  mime: string;
  sha256: string;
  pages?: number;
  /** A structured e-invoice: an XML upload, or a PDF embedding one. */
  einvoice?: EInvoiceInfo;
}

/** The hardened XML parse in this thread (tests, tools); the service passes its budgeted probe. */
export const probeInProcess: XmlProbe = async (xml, maxBytes) => probeXmlTask({ xml, maxBytes });

/**
 * Type detection by magic bytes, then the type's structural checks and limits, then whether the
 * file is a structured e-invoice (an XML upload a reader recognises, a PDF embedding one). Its
 * only I/O is `pdf` (poppler, for PDFs; `open` is needed for embedded e-invoices) and `probe`.
 */
export async function validateFile(
  bytes: Buffer,
  limits: Limits,
  pdf: Pick<PdfEngine, 'info'> & Partial<Pick<PdfEngine, 'open'>>,
  probe: XmlProbe = probeInProcess,
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
  const inspection = await inspectFile(detection.type, bytes, limits, pdf, probe);
  if (!inspection.ok) return inspection;
  const einvoice =
    detection.type === 'pdf' && pdf.open
      ? await embeddedInvoice(bytes, { open: pdf.open }, probe)
      : inspection.einvoice;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file: ValidFile = { type: detection.type, mime: detection.mime, sha256 };
  if (inspection.pages !== undefined) file.pages = inspection.pages;
  if (einvoice) file.einvoice = einvoice;
  return { ok: true, file };
}

export const tooLarge = (sizeBytes: number, maxBytes: number): Rejection => ({
  reason: 'too_large',
  message: `file has ${sizeBytes} bytes; at most ${maxBytes} are accepted`,
  details: { sizeBytes, maxBytes },
});
