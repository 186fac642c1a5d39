import { language } from './index';

/**
 * Names of the fields, tables and columns the extraction gives, as a reviewer reads them. A name
 * the lists do not know (a tenant's own field) is spelled out from its camelCase.
 */
const EN: Record<string, string> = {
  invoiceNumber: 'Invoice number',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  date: 'Date',
  currency: 'Currency',
  subtotal: 'Subtotal',
  taxAmount: 'Tax',
  total: 'Total',
  sellerName: 'Seller',
  sellerTaxId: 'Seller tax id',
  buyerName: 'Buyer',
  buyerTaxId: 'Buyer tax id',
  merchantName: 'Merchant',
  paymentMethod: 'Payment method',
  employerName: 'Employer',
  employeeName: 'Employee',
  grossPay: 'Gross pay',
  netPay: 'Net pay',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  bankName: 'Bank',
  accountHolder: 'Account holder',
  accountNumber: 'Account number',
  iban: 'IBAN',
  openingBalance: 'Opening balance',
  closingBalance: 'Closing balance',
  effectiveDate: 'Effective date',
  endDate: 'End date',
  parties: 'Parties',
  lineItems: 'Line items',
  taxLines: 'Tax lines',
  transactions: 'Transactions',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  rate: 'Rate',
  base: 'Base',
  balance: 'Balance',
};

const ES: Record<string, string> = {
  invoiceNumber: 'Número de factura',
  issueDate: 'Fecha de emisión',
  dueDate: 'Vencimiento',
  date: 'Fecha',
  currency: 'Moneda',
  subtotal: 'Base imponible',
  taxAmount: 'Impuestos',
  total: 'Total',
  sellerName: 'Emisor',
  sellerTaxId: 'NIF del emisor',
  buyerName: 'Cliente',
  buyerTaxId: 'NIF del cliente',
  merchantName: 'Comercio',
  paymentMethod: 'Forma de pago',
  employerName: 'Empresa',
  employeeName: 'Trabajador',
  grossPay: 'Salario bruto',
  netPay: 'Líquido a percibir',
  periodStart: 'Inicio del periodo',
  periodEnd: 'Fin del periodo',
  bankName: 'Banco',
  accountHolder: 'Titular',
  accountNumber: 'Número de cuenta',
  iban: 'IBAN',
  openingBalance: 'Saldo inicial',
  closingBalance: 'Saldo final',
  effectiveDate: 'Fecha de efecto',
  endDate: 'Fecha de fin',
  parties: 'Partes',
  lineItems: 'Conceptos',
  taxLines: 'Impuestos',
  transactions: 'Movimientos',
  description: 'Descripción',
  quantity: 'Cantidad',
  unitPrice: 'Precio unitario',
  amount: 'Importe',
  rate: 'Tipo',
  base: 'Base',
  balance: 'Saldo',
};

/** `invoiceNumber` → `Invoice number`, `seller_tax_id` → `Seller tax id`. */
export function spelledOut(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a field, table or column in the console's language. */
export function fieldLabel(name: string): string {
  return (language() === 'es' ? ES : EN)[name] ?? spelledOut(name);
}

/** Both lists name the same fields (checked by a unit test). */
export const FIELD_LABELS = { en: EN, es: ES };
