import { checkIban } from '../validate/iban';
import { field, type DocumentText, type Line } from './document-text';
import { extractCurrency } from './currency';
import { fromToken, type Extraction, type Fields, type Tables } from './field-set';
import { parseMonthPeriod } from '../normalise/date';
import {
  findLabels,
  labelledValues,
  readAmount,
  readDate,
  readId,
  readText,
  valueRegions,
} from './label-values';
import { amountsIn, datesIn } from './tokens';

const BANK_WORDS =
  /\b(bank|banco|banca|caixa|bbva|santander|sabadell|bankinter|unicaja|bancolombia|davivienda|produbanco|interbank|scotiabank|barclays|lloyds|natwest|hsbc|monzo|chase|wells fargo|aib|commerzbank|n26|banorte|credit union|caja)\b/i;

/** Both dates of a period label's value (`01/03/2024 - 31/03/2024`, `del … al …`). */
export function extractPeriod(doc: DocumentText, fields: Fields): void {
  for (const hit of findLabels(doc, 'period')) {
    for (const region of valueRegions(doc, hit)) {
      const dates = datesIn(doc, region.line, region.from, region.line.text.length);
      if (dates.length >= 2) {
        fields.periodStart = fromToken(doc, region.line, dates[0]!, 0.9 * hit.weight);
        fields.periodEnd = fromToken(doc, region.line, dates[1]!, 0.9 * hit.weight);
        return;
      }
      // `Pay period: June 2024`, `Período abonado: JUNIO DE 2024`: the whole month
      const month =
        dates.length === 0 ? parseMonthPeriod(region.line.numeric.slice(region.from)) : null;
      if (month) {
        const from = region.line.start + region.from + month.index;
        const to = from + month.length;
        fields.periodStart = field(doc, month.start, from, to, 0.8 * hit.weight);
        fields.periodEnd = field(doc, month.end, from, to, 0.8 * hit.weight);
        return;
      }
    }
  }
  // `Period Beginning: 06/23/2024` … `Period Ending: 07/06/2024`, `Desde: …  Hasta: …`
  const first = labelledValues(doc, 'periodFrom', readDate, [])[0];
  const last = labelledValues(doc, 'periodTo', readDate, [])[0];
  if (first && last && first.value <= last.value) {
    fields.periodStart = fromToken(doc, first.line, first, first.score * 0.85);
    fields.periodEnd = fromToken(doc, last.line, last, last.score * 0.85);
  }
}

/** Statement rows: a date first, then a description, then amounts; balances settle the signs. */
function transactions(
  doc: DocumentText,
  opening?: number,
): { rows: Tables['transactions']; last?: number } {
  const rows: NonNullable<Tables['transactions']> = [];
  const skip = new Set(
    [...findLabels(doc, 'opening'), ...findLabels(doc, 'closing')].map((h) => h.line.index),
  );
  let previous = opening;
  for (const line of doc.lines) {
    if (skip.has(line.index)) continue;
    const date = datesIn(doc, line)[0];
    if (!date || line.text.slice(0, date.from).trim().length > 2) continue;
    const amounts = amountsIn(doc, line, date.to).filter(
      (a) => !datesIn(doc, line).some((d) => a.from < d.to && a.to > d.from),
    );
    if (amounts.length === 0) continue;
    const description = line.text.slice(date.to, amounts[0]!.from).replace(/[|\t]/g, ' ').trim();
    if (!description) continue;
    let amount = amounts[0]!;
    let balance: (typeof amounts)[number] | undefined;
    let conf = 0.8;
    if (amounts.length >= 2) {
      balance = amounts[amounts.length - 1]!;
      const candidates = amounts.slice(0, -1);
      if (previous !== undefined) {
        const delta = Math.round((balance.value - previous) * 100) / 100;
        const match = candidates.find((c) => Math.abs(Math.abs(c.value) - Math.abs(delta)) <= 0.01);
        if (match) {
          amount = { ...match, value: delta };
          conf = 0.95;
        }
      }
    }
    rows.push({
      date: fromToken(doc, line, date, 0.9),
      description: field(
        doc,
        description,
        line.start + date.to,
        line.start + amounts[0]!.from,
        0.8,
      ),
      amount: fromToken(doc, line, amount, conf),
      ...(balance ? { balance: fromToken(doc, line, balance, conf) } : {}),
    });
    previous = balance?.value ?? (previous !== undefined ? previous + amount.value : undefined);
  }
  return { rows, ...(previous !== undefined ? { last: previous } : {}) };
}

/** Bank statements: bank, IBAN or account number, period, balances, transactions. */
export function extractStatement(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const bankLine: Line | undefined =
    doc.lines.slice(0, 12).find((l) => BANK_WORDS.test(l.text) && !/\d{4,}/.test(l.text)) ??
    doc.lines.find((l) => l.text.trim());
  if (bankLine) {
    const text = bankLine.text.trim().split(/\s{2,}|\t/)[0]!;
    const from = bankLine.text.indexOf(text);
    fields.bankName = field(
      doc,
      text,
      bankLine.start + from,
      bankLine.start + from + text.length,
      BANK_WORDS.test(text) ? 0.9 : 0.5,
    );
  }
  const ibanMatch = /\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,4})?)\b/.exec(
    doc.text,
  );
  if (ibanMatch) {
    const check = checkIban(ibanMatch[1]!);
    fields.iban = field(
      doc,
      check.normalised,
      ibanMatch.index,
      ibanMatch.index + ibanMatch[1]!.length,
      check.valid ? 0.97 : 0.6,
    );
  } else {
    const account = labelledValues(doc, 'accountNumber', readId, ['accountHolder'])[0];
    if (account) fields.accountNumber = fromToken(doc, account.line, account, account.score * 0.9);
  }
  const holder = labelledValues(doc, 'accountHolder', readText, [])[0];
  if (holder) fields.accountHolder = fromToken(doc, holder.line, holder, holder.score * 0.8);
  extractPeriod(doc, fields);
  const opening = labelledValues(doc, 'opening', readAmount, [])[0];
  const closing = labelledValues(doc, 'closing', readAmount, [])[0];
  if (opening) fields.openingBalance = fromToken(doc, opening.line, opening, opening.score * 0.95);
  if (closing) fields.closingBalance = fromToken(doc, closing.line, closing, closing.score * 0.95);
  const tx = transactions(doc, opening?.value);
  extractCurrency(doc, fields);
  return { fields, tables: tx.rows && tx.rows.length > 0 ? { transactions: tx.rows } : {} };
}
