import type { Locale } from './locales';
import { spanishAmountWords } from './number-words';
import type { Random } from './random';

/**
 * What each country adds to an invoice: its legal title and numbering, the issuer's registration
 * lines, tax-authority references (Mexican CFDI UUID, Colombian CUFE and DIAN resolution, Chilean
 * SII stamp, Argentine CAE, Peruvian SUNAT notes, Ecuadorian access key), its usual labels for the
 * customer and the totals, and its closing lines.
 */
export interface InvoiceFlavour {
  titles: string[];
  creditTitles: string[];
  number?: string;
  sellerLines: string[];
  meta: [string, string][];
  buyerLabels?: string[];
  subtotalLabels?: string[];
  totalLabels?: string[];
  taxLabel?: (rate: string) => string[];
  footer: (total: number) => string[];
}

const hex = (r: Random, n: number) =>
  Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function invoiceFlavour(r: Random, locale: Locale): InvoiceFlavour | undefined {
  switch (locale.country) {
    case 'MX': {
      const serie = r.pick(['A', 'F', 'FA', 'B']);
      return {
        titles: ['FACTURA', 'CFDI DE INGRESO', 'Factura electrónica (CFDI 4.0)', 'FACTURA'],
        creditTitles: ['NOTA DE CRÉDITO', 'CFDI DE EGRESO'],
        number: `${serie}-${r.int(100, 99999)}`,
        sellerLines: [
          `Régimen fiscal: ${r.pick(['601 General de Ley Personas Morales', '612 Personas Físicas con Actividades Empresariales', '626 Régimen Simplificado de Confianza'])}`,
          `Lugar de expedición: ${r.int(10000, 99999)}`,
        ],
        meta: [
          [
            'Folio fiscal (UUID)',
            `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`.toUpperCase(),
          ],
          ['Tipo de comprobante', r.pick(['I - Ingreso', 'I Ingreso'])],
          [
            'Uso CFDI',
            r.pick([
              'G03 Gastos en general',
              'G01 Adquisición de mercancías',
              'S01 Sin efectos fiscales',
            ]),
          ],
          [
            'Método de pago',
            r.pick(['PUE Pago en una sola exhibición', 'PPD Pago en parcialidades o diferido']),
          ],
          [
            'Forma de pago',
            r.pick(['03 Transferencia electrónica de fondos', '99 Por definir', '01 Efectivo']),
          ],
        ],
        buyerLabels: ['Receptor', 'Cliente', 'Facturar a', 'Datos del receptor'],
        footer: (total) =>
          r
            .shuffle([
              `Importe con letra: ${spanishAmountWords(total)} PESOS M.N.`,
              `Sello digital del CFDI: ${hex(r, 24)}...${hex(r, 6)}==`,
              `Sello del SAT: ${hex(r, 20)}...`,
              `No. de serie del certificado del SAT: ${r.int(10000000, 99999999)}${r.int(100000000, 999999999)}`,
              'Este documento es una representación impresa de un CFDI',
            ])
            .slice(0, r.int(2, 4)),
      };
    }
    case 'CO': {
      const prefix = r.pick(['FE', 'FEV', 'SETP', 'FV', 'FACT']);
      return {
        titles: [
          'FACTURA ELECTRÓNICA DE VENTA',
          'Factura electrónica de venta',
          'FACTURA DE VENTA',
          'FACTURA ELECTRÓNICA',
        ],
        creditTitles: ['NOTA CRÉDITO ELECTRÓNICA', 'NOTA CRÉDITO'],
        number: `${prefix}${r.chance(0.5) ? '-' : ''}${r.int(100, 999999)}`,
        sellerLines: [
          r.pick([
            'Responsable de IVA',
            'Régimen común',
            'Gran contribuyente',
            'No somos autorretenedores',
          ]),
          `Actividad económica CIIU ${r.int(1000, 9999)}`,
        ].slice(0, r.int(1, 2)),
        meta: [
          ['CUFE', hex(r, 48)],
          ['Forma de pago', r.pick(['Contado', 'Crédito', 'Crédito 30 días'])],
          ['Medio de pago', r.pick(['Transferencia débito bancaria', 'Consignación', 'Efectivo'])],
        ],
        buyerLabels: ['Adquiriente', 'ADQUIRIENTE', 'Cliente', 'Señores', 'Comprador'],
        totalLabels: ['Total a pagar', 'TOTAL A PAGAR', 'Valor total', 'Total factura'],
        footer: (total) =>
          r
            .shuffle([
              `Resolución de facturación DIAN No. ${r.int(18760000000000, 18769999999999)} del ${pad(r.int(1, 28), 2)}/${pad(r.int(1, 12), 2)}/${r.int(2021, 2024)}, prefijo ${prefix} del 1 al ${r.pick([5000, 10000, 50000])}`,
              `Son: ${spanishAmountWords(total).toLowerCase()} pesos m/cte`,
              'Representación gráfica de la factura electrónica de venta',
              'Esta factura se asimila en todos sus efectos a una letra de cambio (Art. 774 C. de Co.)',
            ])
            .slice(0, r.int(2, 4)),
      };
    }
    case 'PE':
      return {
        titles: ['FACTURA ELECTRÓNICA', 'FACTURA ELECTRONICA', 'FACTURA'],
        creditTitles: ['NOTA DE CRÉDITO ELECTRÓNICA', 'NOTA DE CREDITO ELECTRONICA'],
        number: `F${pad(r.int(1, 99), 3)}-${pad(r.int(1, 99999), 8)}`,
        sellerLines: [],
        meta: [
          ['Forma de pago', r.pick(['Contado', 'Crédito'])],
          ['Tipo de moneda', r.pick(['SOLES', 'PEN'])],
          ['Orden de compra', `OC-${r.int(1000, 99999)}`],
        ],
        buyerLabels: ['Señor(es)', 'Cliente', 'Razón social', 'Adquiriente'],
        subtotalLabels: ['OP. GRAVADA', 'Op. Gravadas', 'Valor de venta', 'Sub Total Ventas'],
        totalLabels: ['IMPORTE TOTAL', 'Importe total', 'TOTAL A PAGAR', 'Total'],
        taxLabel: (rate) => [`IGV ${rate}%`, 'I.G.V.', `IGV (${rate}%)`, 'IGV'],
        footer: (total) =>
          r
            .shuffle([
              `SON: ${spanishAmountWords(total)} SOLES`,
              'Representación impresa de la Factura Electrónica',
              'Operación sujeta al Sistema de Pago de Obligaciones Tributarias',
              `Código hash: ${hex(r, 20)}=`,
            ])
            .slice(0, r.int(1, 3)),
      };
    case 'CL':
      return {
        titles: ['FACTURA ELECTRÓNICA', 'FACTURA ELECTRONICA', 'FACTURA AFECTA'],
        creditTitles: ['NOTA DE CRÉDITO ELECTRÓNICA', 'NOTA DE CREDITO ELECTRONICA'],
        number: String(r.int(100, 999999)),
        sellerLines: [
          `Giro: ${r.pick(['Servicios de ingeniería', 'Venta de maquinaria', 'Transporte de carga', 'Asesorías informáticas'])}`,
        ],
        meta: [
          ['Condición de venta', r.pick(['Contado', 'Crédito 30 días', 'Crédito 60 días'])],
          [
            'Giro receptor',
            r.pick(['Construcción', 'Comercio al por mayor', 'Actividades agrícolas']),
          ],
        ],
        buyerLabels: ['Señor(es)', 'SEÑOR(ES)', 'Razón social', 'Cliente'],
        subtotalLabels: ['MONTO NETO', 'Monto neto', 'Neto', 'NETO'],
        totalLabels: ['TOTAL', 'Monto total', 'TOTAL $'],
        footer: () =>
          r
            .shuffle([
              'Timbre Electrónico SII',
              `Res. ${r.int(10, 99)} de ${r.int(2003, 2020)}`,
              'Verifique documento en el sitio del SII',
              'CEDIBLE',
            ])
            .slice(0, r.int(1, 3)),
      };
    case 'AR': {
      const letter = r.pick(['A', 'A', 'B']);
      return {
        titles: [
          `FACTURA ${letter}`,
          `FACTURA\n${letter}\nCOD. ${letter === 'A' ? '01' : '06'}`,
          `Factura ${letter}`,
        ],
        creditTitles: [`NOTA DE CRÉDITO ${letter}`, `NOTA DE CREDITO ${letter}`],
        number: `${pad(r.int(1, 20), 4)}-${pad(r.int(1, 99999999), 8)}`,
        sellerLines: [
          'IVA Responsable Inscripto',
          `Ingresos Brutos: ${r.int(900, 999)}-${r.int(100000, 999999)}-${r.int(0, 9)}`,
          `Inicio de actividades: ${pad(r.int(1, 28), 2)}/${pad(r.int(1, 12), 2)}/${r.int(1990, 2020)}`,
        ].slice(0, r.int(1, 3)),
        meta: [
          [
            'Condición frente al IVA',
            letter === 'A' ? 'Responsable Inscripto' : 'Consumidor Final',
          ],
          ['Condición de venta', r.pick(['Cuenta corriente', 'Contado', 'Transferencia'])],
        ],
        buyerLabels: ['Razón social', 'Cliente', 'Señor(es)', 'Apellido y nombre / Razón social'],
        totalLabels: ['Importe total', 'IMPORTE TOTAL', 'Total', 'TOTAL $'],
        footer: () => [
          `CAE N°: ${r.int(10000000, 99999999)}${r.int(100000, 999999)}`,
          `Fecha de Vto. de CAE: ${pad(r.int(1, 28), 2)}/${pad(r.int(1, 12), 2)}/${r.int(2022, 2025)}`,
          ...(r.chance(0.5) ? ['Comprobante autorizado'] : []),
        ],
      };
    }
    case 'EC':
      return {
        titles: ['FACTURA', 'FACTURA ELECTRÓNICA'],
        creditTitles: ['NOTA DE CRÉDITO'],
        sellerLines: [
          r.pick([
            'Obligado a llevar contabilidad: SI',
            'Contribuyente régimen RIMPE',
            'Agente de retención',
          ]),
        ],
        meta: [
          [
            'Número de autorización',
            `${r.int(1000000000, 9999999999)}${r.int(1000000000, 9999999999)}`,
          ],
          ['Ambiente', 'PRODUCCIÓN'],
          ['Emisión', 'NORMAL'],
        ],
        buyerLabels: ['Razón social / Nombres y apellidos', 'Cliente', 'Comprador'],
        subtotalLabels: ['SUBTOTAL SIN IMPUESTOS', 'Subtotal 15%', 'SUBTOTAL'],
        totalLabels: ['VALOR TOTAL', 'Valor total', 'TOTAL'],
        footer: () => [
          `Clave de acceso: ${r.int(1000000000, 9999999999)}${r.int(1000000000, 9999999999)}${r.int(100000000, 999999999)}`,
        ],
      };
    case 'GB':
    case 'IE':
      return {
        titles: ['VAT INVOICE', 'TAX INVOICE', 'INVOICE', 'Invoice'],
        creditTitles: ['CREDIT NOTE', 'VAT CREDIT NOTE'],
        sellerLines: [
          `Company Reg. No. ${pad(r.int(1, 99999999), 8)}`,
          `Registered in ${locale.country === 'GB' ? 'England and Wales' : 'Ireland'}`,
        ].slice(0, r.int(1, 2)),
        meta: [
          ['Tax point', ''],
          ['Your ref', `PO${r.int(1000, 99999)}`],
          ['Account No', `${r.pick(['ACC', 'CUS', ''])}${r.int(1000, 9999)}`],
        ],
        buyerLabels: ['Invoice to', 'To', 'Bill to', 'Customer', 'Invoice address'],
        subtotalLabels: ['Total Net', 'Net Total', 'Goods total', 'Subtotal'],
        totalLabels: ['Invoice Total', 'Total Due', 'TOTAL GBP', 'Amount Due', 'Total inc VAT'],
        footer: () =>
          r
            .shuffle([
              `Please pay by BACS to sort code ${r.int(10, 99)}-${r.int(10, 99)}-${r.int(10, 99)}, account ${r.int(10000000, 99999999)}`,
              'Please quote the invoice number with your payment',
              'Goods remain our property until paid in full',
            ])
            .slice(0, r.int(1, 2)),
      };
    case 'US':
      return {
        titles: ['INVOICE', 'Invoice', 'SALES INVOICE', 'BILL'],
        creditTitles: ['CREDIT MEMO', 'CREDIT NOTE'],
        sellerLines: [
          `Phone (${r.int(200, 999)}) 555-0${r.int(100, 199)}`,
          `Fed Tax ID ${r.int(10, 99)}-${r.int(1000000, 9999999)}`,
        ].slice(0, r.int(1, 2)),
        meta: [
          ['P.O. #', `${r.int(1000, 9999)}-${r.pick(['A', 'B', 'C'])}`],
          ['Terms', r.pick(['Net 30', 'Net 15', 'Due on receipt', '2% 10 Net 30'])],
          ['Customer ID', `C-${pad(r.int(1, 99999), 5)}`],
          ['Sales Rep', r.pick(['JM', 'KT', 'House'])],
        ],
        buyerLabels: ['BILL TO', 'Bill To', 'SOLD TO', 'Bill to'],
        totalLabels: ['TOTAL DUE', 'Amount Due', 'BALANCE DUE', 'Total', 'Invoice Total'],
        footer: () =>
          r
            .shuffle([
              `Remit to: PO Box ${r.int(100, 9999)}`,
              'Make all checks payable to the company above',
              '1.5% monthly charge on past-due balances',
              'Thank you for your business!',
            ])
            .slice(0, r.int(1, 2)),
      };
    default:
      return undefined;
  }
}
