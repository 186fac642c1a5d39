import type { DetectedType } from '@docflow/contracts';
import type { PdfEngine } from '@docflow/pdf';
import { inspectDocx } from './inspect-docx';
import { inspectImage } from './inspect-image';
import { inspectPdf } from './inspect-pdf';
import { inspectXml, type XmlProbe } from './inspect-xml';
import { inspectCsv, inspectXlsx } from './inspect-spreadsheet';
import { accepted, type Inspection, type Limits } from './rejection';

/** Structural checks and limits for each allowed type; PDFs are read with `pdf`, XML with `probe`. */
export async function inspectFile(
  type: DetectedType,
  bytes: Buffer,
  limits: Limits,
  pdf: Pick<PdfEngine, 'info'>,
  probe: XmlProbe,
): Promise<Inspection> {
  switch (type) {
    case 'pdf':
      return inspectPdf(bytes, limits, pdf);
    case 'png':
    case 'jpeg':
    case 'tiff':
    case 'webp':
      return inspectImage(bytes, limits);
    case 'xlsx':
      return inspectXlsx(bytes, limits);
    case 'csv':
      return inspectCsv(bytes, limits);
    case 'docx':
      return inspectDocx(bytes, limits.archive);
    case 'text':
      return accepted(1);
    case 'xml':
      return inspectXml(bytes, limits, probe);
  }
}
