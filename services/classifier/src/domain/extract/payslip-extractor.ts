import type { DocumentText } from './document-text';
import { extractCurrency } from './currency';
import { fromToken, type Extraction, type Fields } from './field-set';
import { labelledValues, readAmount, readText } from './label-values';
import { extractPeriod } from './statement-extractor';

/** Payslips: employer, employee, period, gross and net pay. */
export function extractPayslip(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const employer = labelledValues(doc, 'employer', readText, ['employee'])[0];
  if (employer) fields.employerName = fromToken(doc, employer.line, employer, employer.score * 0.9);
  const employee = labelledValues(doc, 'employee', readText, ['employer'])[0];
  if (employee) fields.employeeName = fromToken(doc, employee.line, employee, employee.score * 0.9);
  extractPeriod(doc, fields);
  const gross = labelledValues(doc, 'gross', readAmount, [])[0];
  if (gross) fields.grossPay = fromToken(doc, gross.line, gross, gross.score * 0.95);
  const net = labelledValues(doc, 'net', readAmount, ['gross'])[0];
  if (net) fields.netPay = fromToken(doc, net.line, net, net.score * 0.95);
  extractCurrency(doc, fields);
  return { fields, tables: {} };
}
