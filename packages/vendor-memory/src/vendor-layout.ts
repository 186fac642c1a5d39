import { z } from 'zod';

/**
 * Where a corrected field's value sat on the page it was corrected on, and what anchored it:
 * - `label`: the words left of it on its line (`total sales inclusive gst rm`), and how many values
 *   of its kind stood between the label and it;
 * - `above`: the words of the nearest line above with words, for a value under its label;
 * - the line's position (from the top and from the bottom), the value's column and shape.
 */
export const fieldAnchorSchema = z.object({
  kind: z.enum(['amount', 'date', 'text']),
  label: z.array(z.string().max(40)).max(4),
  /** Whether the label is every word left of the value (the line starts with it). */
  wholeLine: z.boolean().default(false),
  /** Values of the same kind between the label and this one on the line. */
  skip: z.number().int().min(0).max(20),
  above: z.array(z.string().max(40)).max(6),
  line: z.number().int().min(0),
  fromEnd: z.number().int().min(0),
  column: z.number().int().min(0),
  shape: z.string().max(60),
  /** A date's reading on the corrected page (day first, month first, year first). */
  reading: z.enum(['dmy', 'mdy', 'ymd']).optional(),
});
export type FieldAnchor = z.infer<typeof fieldAnchorSchema>;

/** What one correction taught about a vendor's documents. */
export const vendorLayoutSchema = z.object({
  docType: z.string().min(1).max(40),
  /** The vendor's name as the reviewer gave it, if the document names one. */
  vendorName: z.string().max(300).optional(),
  /** `name:…` and `id:…` keys the vendor is found by (see vendor-keys.ts). */
  vendorKeys: z.array(z.string().max(120)).min(1).max(20),
  /** Fields that are the vendor's own (its name, tax id, IBAN, currency): the same on every page. */
  constants: z.record(z.string(), z.union([z.string().max(300), z.number()])),
  /** Per other field, the places its value was found, best first. */
  anchors: z.record(z.string(), z.array(fieldAnchorSchema).max(4)),
});
export type VendorLayout = z.infer<typeof vendorLayoutSchema>;

/** Field names that belong to the vendor, not to one document. */
export const VENDOR_CONSTANT_FIELDS: ReadonlySet<string> = new Set([
  'merchantName',
  'merchantTaxId',
  'sellerName',
  'sellerTaxId',
  'sellerVatId',
  'iban',
  'currency',
]);

/** Fields that name the vendor, in order of preference. */
export const VENDOR_NAME_FIELDS = ['sellerName', 'merchantName', 'employerName'] as const;
/** Fields that hold an id of the vendor. */
export const VENDOR_ID_FIELDS = ['sellerTaxId', 'sellerVatId', 'merchantTaxId', 'iban'] as const;
