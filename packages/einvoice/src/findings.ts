/**
 * A validation finding on an e-invoice. `code` is docflow's stable code (lower-case, dotted, as
 * the contracts' findings require); `rule` the rule id of the standard where one exists
 * (EN 16931 `BR-CO-15`), so a reviewer can look it up.
 */
export interface EInvoiceFinding {
  code: string;
  rule?: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The model field the finding is about (`totals.total`, `seller.taxId`, `lines[2].net`). */
  field?: string;
}
