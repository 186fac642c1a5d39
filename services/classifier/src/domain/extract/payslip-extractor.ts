import { field, type DocumentText } from './document-text';
import { extractCurrency } from './currency';
import { fromToken, type Extraction, type Fields } from './field-set';
import { labelledValues, nextLabelStart, readAmount, readName } from './label-values';
import { LEGAL_SUFFIX } from './parties';
import { extractPeriod } from './statement-extractor';
import { cellsOf } from './tokens';

/** Payslips: employer, employee, period, gross and net pay. */
export function extractPayslip(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const employer = labelledValues(doc, 'employer', readName, ['employee'])[0];
  if (employer) fields.employerName = fromToken(doc, employer.line, employer, employer.score * 0.9);
  else employerFromHeader(doc, fields);
  const employee = labelledValues(doc, 'employee', readName, ['employer'])[0];
  if (employee) fields.employeeName = fromToken(doc, employee.line, employee, employee.score * 0.9);
  extractPeriod(doc, fields);
  const gross = labelledValues(doc, 'gross', readAmount, [])[0];
  if (gross) fields.grossPay = fromToken(doc, gross.line, gross, gross.score * 0.95);
  const net = labelledValues(doc, 'net', readAmount, ['gross'])[0];
  if (net) fields.netPay = fromToken(doc, net.line, net, net.score * 0.95);
  extractCurrency(doc, fields);
  return { fields, tables: {} };
}

/** No employer label: a company name (legal suffix) heading the payslip, cut before its tax id. */
function employerFromHeader(doc: DocumentText, fields: Fields): void {
  for (const line of doc.lines.slice(0, 8)) {
    const cell = cellsOf(line)[0];
    if (!cell) continue;
    const end = Math.min(cell.to, nextLabelStart(doc, line, cell.from));
    const name = line.text.slice(cell.from, end).trim();
    if (name.length > 3 && name.length <= 70 && LEGAL_SUFFIX.test(name)) {
      fields.employerName = field(
        doc,
        name,
        line.start + cell.from,
        line.start + cell.from + name.length,
        0.6,
      );
      return;
    }
  }
}
