import { vendorKeysOfFields, vendorKeysOfText } from '@docflow/vendor-memory';
import type { Extraction } from '../extract/field-set';

/**
 * The keys a document's vendor may be remembered by: what its text holds (head lines read as names,
 * id-shaped runs) and the vendor name and ids the extractors read.
 */
export function vendorKeysOf(text: string, extraction: Extraction): string[] {
  const values = Object.fromEntries(
    Object.entries(extraction.fields).map(([name, f]) => [name, f.value]),
  );
  return [...new Set([...vendorKeysOfFields(values), ...vendorKeysOfText(text)])];
}
