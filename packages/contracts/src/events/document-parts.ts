import { z } from 'zod';

/** File kinds the scanner lets through, detected from magic bytes (never from names). */
export const detectedTypeSchema = z.enum([
  'pdf',
  'png',
  'jpeg',
  'tiff',
  'webp',
  'text',
  'csv',
  'xlsx',
  'docx',
  'xml',
]);
export type DetectedType = z.infer<typeof detectedTypeSchema>;

export const docTypeSchema = z.enum([
  'invoice',
  'receipt',
  'credit_note',
  'bank_statement',
  'contract',
  'payslip',
  'other',
]);
export type DocType = z.infer<typeof docTypeSchema>;

export const stageNameSchema = z.enum([
  'gateway',
  'scanner',
  'ocr',
  'classifier',
  'publisher',
  'scheduler',
]);
export type StageName = z.infer<typeof stageNameSchema>;

export const rejectionReasonSchema = z.enum([
  'empty',
  'too_large',
  'unsupported_type',
  'too_many_pages',
  'too_many_pixels',
  'too_many_rows',
  'encrypted',
  'corrupt',
  'infected',
  'duplicate',
]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const pageMethodSchema = z.enum(['text_layer', 'ocr', 'spreadsheet', 'plain', 'xml']);

/** Syntaxes of the structured e-invoices docflow reads (@docflow/einvoice). */
export const einvoiceSyntaxSchema = z.enum(['cii', 'ubl', 'fatturapa', 'facturae', 'sri']);

/** A structured e-invoice the scanner found: an XML upload, or XML embedded in a PDF. */
export const einvoiceInfoSchema = z.object({
  container: z
    .enum(['xml', 'pdf'])
    .describe('An XML upload, or a PDF (Factur-X, ZUGFeRD, XRechnung) carrying the XML.'),
  attachment: z
    .string()
    .max(255)
    .optional()
    .describe("The PDF's embedded file, e.g. factur-x.xml."),
  syntax: einvoiceSyntaxSchema,
  profile: z.string().max(500).optional().describe('Profile or customization as written.'),
  version: z.string().max(100).optional(),
  typeCode: z.string().max(50).optional().describe('The document type code as written (380, 381).'),
});
export type EInvoiceInfo = z.infer<typeof einvoiceInfoSchema>;

/** How a field was read: from the text (layer or OCR) or from a structured e-invoice's XML. */
export const fieldMethodSchema = z.enum(['text', 'embedded_xml']);

export const textSpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  page: z.number().int().min(1).optional(),
});

export const extractedFieldSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  raw: z.string().optional().describe('The text as found, before normalisation.'),
  confidence: z.number().min(0).max(1),
  span: textSpanSchema.optional(),
  method: fieldMethodSchema
    .optional()
    .describe('embedded_xml: read from the e-invoice XML (confidence 1); absent: from the text.'),
});
export type ExtractedField = z.infer<typeof extractedFieldSchema>;

export const findingSchema = z.object({
  code: z.string().regex(/^[a-z0-9_.]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  field: z.string().optional(),
  rule: z
    .string()
    .max(50)
    .optional()
    .describe("The standard's rule id where one exists (EN 16931 BR-CO-15)."),
});
export type Finding = z.infer<typeof findingSchema>;

export const candidateSchema = z.object({
  docType: docTypeSchema,
  probability: z.number().min(0).max(1),
});

/** Fields by name, plus the repeated groups some types carry (line items, transactions). */
export const extractionSchema = z.object({
  fields: z.record(z.string(), extractedFieldSchema),
  tables: z
    .record(z.string(), z.array(z.record(z.string(), extractedFieldSchema)))
    .default({})
    .describe('Repeated groups by name: lineItems, taxLines, transactions.'),
});
export type Extraction = z.infer<typeof extractionSchema>;

export const blobRefSchema = z.object({
  bucket: z.string().min(1),
  id: z.string().min(1),
});

export const textRefSchema = z.object({
  store: z.enum(['collection', 'gridfs']),
  id: z.string().min(1),
});

export const recordRefSchema = z.object({
  collection: z.enum(['invoices', 'expenses', 'bank_transactions', 'archive']),
  id: z.string().min(1),
});

export const errorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  transient: z.boolean().optional(),
});

export type BlobRef = z.infer<typeof blobRefSchema>;
export type TextRef = z.infer<typeof textRefSchema>;
export type RecordRef = z.infer<typeof recordRefSchema>;
