import { personName, taxId, type Pool } from './fake-data';
import type { Locale } from './locales';
import type { Random } from './random';

/**
 * What the law of each country prints on a consumer receipt: the heading (a *boleta*, a *tique
 * factura B*, a *factura simplificada*…), its number, legal lines under the merchant, the
 * customer line, how the tax is shown, and the closing legal notes.
 */
export type TaxDisplay = 'itemised' | 'included' | 'breakdown' | 'pe';

export interface FiscalParts {
  title?: string;
  number?: string;
  legal: string[];
  customer: string[];
  taxDisplay: TaxDisplay;
  footer: string[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function fiscalParts(r: Random, locale: Locale, legalName: string, pool: Pool): FiscalParts {
  const id = taxId(r, locale);
  const label = r.pick(locale.taxIdLabels);
  switch (locale.country) {
    case 'PE':
      return {
        title: r.pick([
          'BOLETA DE VENTA ELECTRÓNICA',
          'BOLETA DE VENTA ELECTRONICA',
          'BOLETA ELECTRÓNICA',
          'BOLETA DE VENTA',
          'TICKET BOLETA',
        ]),
        number: `B${pad(r.int(1, 99), 3)}-${pad(r.int(1, 999999), 8)}`,
        legal: [legalName, `${label}: ${id}`],
        customer: r.pick([
          ['Cliente: CLIENTES VARIOS'],
          ['CLIENTE: CLIENTE VARIOS', 'DNI: 00000000'],
          [
            `Sr(a): ${personName(r, 'es', pool).toUpperCase()}`,
            `DNI: ${r.int(10000000, 79999999)}`,
          ],
          ['Doc. Identidad: -', 'Cliente: -'],
        ]),
        taxDisplay: r.chance(0.8) ? 'pe' : 'itemised',
        footer: r
          .shuffle([
            'Representación impresa de la Boleta de Venta Electrónica',
            'Representacion impresa de la BOLETA ELECTRONICA',
            `Autorizado mediante R.I. N° ${pad(r.int(1, 999), 3)}-005-${pad(r.int(1, 9999999), 7)}/SUNAT`,
            `Código hash: ${Math.floor(r.next() * 1e12).toString(36)}=`,
            'Bienes transferidos en la Amazonía para ser consumidos en la misma',
            'Consulte su comprobante en el portal del emisor',
          ])
          .slice(0, r.int(1, 3)),
      };
    case 'CL':
      return {
        title: r.pick(['BOLETA ELECTRÓNICA', 'BOLETA ELECTRONICA', 'BOLETA DE VENTAS Y SERVICIOS']),
        number: `N° ${r.int(1000, 9999999)}`,
        legal: [
          `${label}: ${id}`,
          `Giro: ${r.pick(['Venta al por menor', 'Restaurantes', 'Comercio de combustibles', 'Farmacia y perfumería'])}`,
        ],
        customer: [],
        taxDisplay: 'included',
        footer: r
          .shuffle([
            'Timbre Electrónico SII',
            `Res. ${r.int(10, 99)} de ${r.int(2005, 2020)}`,
            'Verifique este documento en el sitio del SII',
            'Boleta no válida como factura',
          ])
          .slice(0, r.int(1, 3)),
      };
    case 'AR':
      return {
        title: r.pick([
          'TIQUE FACTURA B',
          'TIQUE FACTURA "B"',
          'TIQUE',
          'TIQUE FACTURA B Cod. 082',
        ]),
        number: `${r.pick(['Nro.', 'P.V. Nro.', 'N°'])} ${pad(r.int(1, 20), 4)}-${pad(r.int(1, 99999999), 8)}`,
        legal: [
          `${label}: ${id}`,
          `Ing. Brutos: ${r.int(900, 999)}-${r.int(100000, 999999)}-${r.int(0, 9)}`,
          r.pick([
            'IVA RESPONSABLE INSCRIPTO',
            'I.V.A. RESPONSABLE INSCRIPTO',
            'RESPONSABLE MONOTRIBUTO',
          ]),
          `Inicio de actividades: ${pad(r.int(1, 28), 2)}/${pad(r.int(1, 12), 2)}/${r.int(1995, 2021)}`,
        ].slice(0, r.int(2, 4)),
        customer: [r.pick(['A CONSUMIDOR FINAL', 'CONSUMIDOR FINAL', 'Cliente: Consumidor Final'])],
        taxDisplay: 'included',
        footer: r
          .shuffle([
            'Régimen de Transparencia Fiscal al Consumidor Ley 27743',
            `CAE N°: ${r.int(10000000, 99999999)}${r.int(100000, 999999)}`,
            `CF ${r.pick(['DVT', 'HAS', 'EPS'])} ${pad(r.int(1, 999999), 10)}`,
            'Otros impuestos nacionales indirectos $ 0,00',
          ])
          .slice(0, r.int(1, 3)),
      };
    case 'MX':
      return {
        title: r.pick([
          'TICKET DE COMPRA',
          'TICKET DE VENTA',
          'NOTA DE VENTA',
          'TICKET',
          undefined,
        ]),
        number: `${r.pick(['Folio', 'Ticket', 'Trans'])}: ${r.int(1000, 999999)}`,
        legal: [`${label}: ${id}`],
        customer: [],
        taxDisplay: r.pick(['itemised', 'itemised', 'included']),
        footer: r
          .shuffle([
            'ESTE TICKET NO ES UN COMPROBANTE FISCAL',
            'Facture en línea dentro del mes de su compra',
            'Si requiere factura solicítela en caja',
            'Conserve su ticket para cualquier aclaración',
          ])
          .slice(0, r.int(1, 2)),
      };
    case 'CO':
      return {
        title: r.pick([
          'DOCUMENTO EQUIVALENTE POS',
          'TIQUETE POS',
          'Documento equivalente electrónico tiquete POS',
          'TIQUETE DE MÁQUINA REGISTRADORA',
        ]),
        number: `No. ${r.pick(['POS', 'TPOS', 'CJ1'])}-${r.int(1000, 999999)}`,
        legal: [
          legalName,
          `${label} ${id}`,
          r.pick(['Responsable de IVA', 'Régimen común', 'No responsable de IVA']),
        ],
        customer: r.chance(0.5) ? ['Cliente: CONSUMIDOR FINAL', 'C.C./NIT: 222222222222'] : [],
        taxDisplay: r.pick(['itemised', 'breakdown']),
        footer: [
          `Resolución DIAN No. ${r.int(18760000000000, 18769999999999)} de ${r.int(2021, 2024)}`,
          ...(r.chance(0.5) ? ['Propina voluntaria sugerida 10%'] : []),
        ],
      };
    case 'EC':
      return {
        title: r.pick(['NOTA DE VENTA', 'COMPROBANTE DE VENTA', 'TICKET']),
        number: `No. 001-${pad(r.int(1, 99), 3)}-${pad(r.int(1, 999999), 9)}`,
        legal: [`${label}: ${id}`],
        customer: r.chance(0.5) ? ['Cliente: CONSUMIDOR FINAL'] : [],
        taxDisplay: 'itemised',
        footer: r.chance(0.5) ? ['Autorización SRI: ' + r.int(1000000000, 9999999999)] : [],
      };
    case 'ES':
      return {
        title: r.pick([
          'FACTURA SIMPLIFICADA',
          'FACTURA SIMPLIFICADA',
          'F. SIMPLIFICADA',
          'FRA. SIMPLIFICADA',
          'TICKET',
          'Ticket de compra',
          undefined,
        ]),
        number: `${r.pick(['Nº', 'Num.', 'Nº Fra.', 'Ticket'])}: ${r.pick(['T', 'FS', 'A', ''])}${r.int(1, 9)}-${r.int(2022, 2025)}/${pad(r.int(1, 99999), 6)}`,
        legal: r.chance(0.5) ? [legalName, `${label} ${id}`] : [`${label}: ${id}`],
        customer: [],
        taxDisplay: r.pick(['included', 'breakdown', 'breakdown', 'itemised']),
        footer: r
          .shuffle([
            'IVA INCLUIDO',
            'Conserve el ticket para cualquier cambio',
            'Le atendió: ' + r.int(1, 30),
          ])
          .slice(0, r.int(0, 2)),
      };
    case 'US':
      return {
        title: r.pick(['SALES RECEIPT', 'CUSTOMER COPY', 'MERCHANT COPY', undefined, undefined]),
        number: `${r.pick(['Trans #', 'Check #', 'Order #', 'Ticket'])}: ${r.int(1000, 99999)}`,
        legal: [],
        customer: [],
        taxDisplay: 'itemised',
        footer: r.chance(0.5)
          ? ['I agree to pay the above total according to my card issuer agreement']
          : [],
      };
    default:
      return {
        title: r.pick(['VAT RECEIPT', 'SALE', 'RECEIPT', 'Customer Receipt', undefined]),
        number: `${r.pick(['Receipt No', 'Trans', 'Till receipt'])} ${r.int(1000, 99999)}`,
        legal: [`${label} ${id}`],
        customer: [],
        taxDisplay: r.pick(['breakdown', 'included', 'itemised']),
        footer: r.chance(0.4) ? ['Please retain this receipt for your records'] : [],
      };
  }
}
