import type { DocumentRecord } from '@docflow/documents';
import { learnLayout, type VendorLayoutStore } from '@docflow/vendor-memory';

/**
 * A reviewed document teaches its tenant's vendor memory: where each corrected field's value is
 * printed and which label anchors it, for the vendor the correction names (by name, tax id or
 * IBAN). Inserted once per document version (a repeated call stores nothing new); nothing is
 * learned without the text (purged) or without a vendor to file it under. The classifier reads the
 * vendor's next document with it, at once (no retraining).
 */
export async function rememberVendorLayout(
  store: VendorLayoutStore,
  record: DocumentRecord,
  text: string | null,
  now: Date,
): Promise<boolean> {
  const docType = record.result?.docType;
  if (!docType || text === null) return false;
  const values = Object.fromEntries(
    Object.entries(record.result?.extraction.fields ?? {}).map(([name, f]) => [name, f.value]),
  );
  const layout = learnLayout(docType, text, values);
  if (!layout) return false;
  return store.remember({
    tenantId: record.tenantId,
    documentId: record._id,
    version: record.version,
    layout,
    learnedAt: now,
  });
}
