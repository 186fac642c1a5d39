import { readEInvoice, validateEInvoice, type EInvoice } from '@docflow/einvoice';
import { GERMAN_INVOICE, ciiInvoiceXml } from '@docflow/fixtures';

const valid = (): EInvoice => readEInvoice(ciiInvoiceXml(GERMAN_INVOICE)).invoice;
const rules = (invoice: EInvoice) =>
  validateEInvoice(invoice).map((f) => `${f.code}:${f.rule}:${f.field}`);

describe('validateEInvoice', () => {
  it('when the amounts add up, then there is no finding', () => {
    expect(validateEInvoice(valid())).toEqual([]);
  });

  it('when net + VAT is not the grand total, then BR-CO-15 (and the due amount follows)', () => {
    const invoice = valid();
    invoice.totals.total = 230;
    expect(rules(invoice)).toEqual([
      'einvoice.arithmetic:BR-CO-15:totals.total',
      'einvoice.arithmetic:BR-CO-16:totals.due',
    ]);
    expect(validateEInvoice(invoice)[0]).toMatchObject({
      severity: 'error',
      message: 'BR-CO-15: total without VAT + VAT is 222.65, the invoice states 230',
    });
  });

  it('when a line net is off, then BR-CO-10 names the line total', () => {
    const invoice = valid();
    invoice.lines[0]!.net = 46;
    expect(rules(invoice)).toEqual(['einvoice.arithmetic:BR-CO-10:totals.lineTotal']);
  });

  it('when VAT per rate does not match its basis × rate or the sum, then BR-CO-17 and BR-CO-14', () => {
    const invoice = valid();
    invoice.taxes[1]!.amount = 4.74;
    expect(rules(invoice)).toEqual([
      'einvoice.arithmetic:BR-CO-14:totals.tax',
      'einvoice.arithmetic:BR-CO-17:taxes[1].amount',
    ]);
  });

  it('when the due amount ignores the prepaid amount, then BR-CO-16', () => {
    const invoice = valid();
    invoice.totals.prepaid = 100;
    expect(rules(invoice)).toEqual(['einvoice.arithmetic:BR-CO-16:totals.due']);
  });

  it('when codes are outside their lists, then code-list warnings with rule ids', () => {
    const invoice = valid();
    invoice.currency = 'EURO';
    invoice.buyer.address.country = 'XX';
    invoice.taxes[0]!.category = 'Q';
    invoice.lines[2]!.unitCode = 'piece';
    expect(rules(invoice)).toEqual([
      'einvoice.code_list:BR-CL-04:currency',
      'einvoice.code_list:BR-CL-14:buyer.address.country',
      'einvoice.code_list:BR-CL-18:taxes[0].category',
      'einvoice.code_list:BR-CL-23:lines[2].unitCode',
    ]);
  });

  it('when mandatory terms are missing, then einvoice.missing warnings name them', () => {
    const invoice = valid();
    invoice.number = null;
    invoice.seller.name = null;
    expect(rules(invoice)).toEqual([
      'einvoice.missing:BR-02:number',
      'einvoice.missing:BR-06:seller.name',
    ]);
  });
});
