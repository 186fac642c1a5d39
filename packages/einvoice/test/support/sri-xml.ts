/**
 * Generated SRI Ecuador comprobantes (written here, not copied from any dataset), bare or inside
 * the autorizacion the SRI returns. Amounts are spelled out as the file states them.
 */

export interface SriTax {
  codigo?: string;
  porcentaje: string;
  tarifa?: string;
  base: string;
  valor: string;
}

export interface SriLine {
  description: string;
  quantity: string;
  price: string;
  discount?: string;
  net: string;
  tax: SriTax;
}

export interface SriComprobante {
  kind: 'factura' | 'notaCredito';
  version?: string;
  secuencial: string;
  date: string;
  net: string;
  /** importeTotal of a factura, valorModificacion of a nota de crédito. */
  total: string;
  taxes: SriTax[];
  lines: SriLine[];
  /** Extra elements at the end of infoFactura / infoNotaCredito (propina, pagos, …). */
  extra?: string;
}

const tag = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${value}</${name}>`;

function tax(t: SriTax, element: string): string {
  return `<${element}><codigo>${t.codigo ?? '2'}</codigo><codigoPorcentaje>${t.porcentaje}</codigoPorcentaje>${element === 'impuesto' ? tag('tarifa', t.tarifa) : ''}<baseImponible>${t.base}</baseImponible>${element === 'totalImpuesto' ? tag('tarifa', t.tarifa) : ''}<valor>${t.valor}</valor></${element}>`;
}

function line(l: SriLine, i: number, kind: SriComprobante['kind']): string {
  const code = kind === 'factura' ? 'codigoPrincipal' : 'codigoInterno';
  return `<detalle><${code}>P${i + 1}</${code}><descripcion>${l.description}</descripcion><cantidad>${l.quantity}</cantidad><precioUnitario>${l.price}</precioUnitario>
<descuento>${l.discount ?? '0.00'}</descuento><precioTotalSinImpuesto>${l.net}</precioTotalSinImpuesto><impuestos>${tax(l.tax, 'impuesto')}</impuestos></detalle>`;
}

export function sriComprobanteXml(c: SriComprobante): string {
  const factura = c.kind === 'factura';
  const info = factura
    ? `<infoFactura><fechaEmision>${c.date}</fechaEmision><dirEstablecimiento>Av. Amazonas N34-451</dirEstablecimiento><obligadoContabilidad>SI</obligadoContabilidad>
<tipoIdentificacionComprador>04</tipoIdentificacionComprador><razonSocialComprador>Comercial Andina S.A.</razonSocialComprador><identificacionComprador>0992339411001</identificacionComprador>
<direccionComprador>Malecón 100, Guayaquil</direccionComprador><totalSinImpuestos>${c.net}</totalSinImpuestos><totalDescuento>0.00</totalDescuento>
<totalConImpuestos>${c.taxes.map((t) => tax(t, 'totalImpuesto')).join('')}</totalConImpuestos>${c.extra ?? '<propina>0.00</propina>'}</infoFactura>`
    : `<infoNotaCredito><fechaEmision>${c.date}</fechaEmision><dirEstablecimiento>Av. Amazonas N34-451</dirEstablecimiento><tipoIdentificacionComprador>04</tipoIdentificacionComprador>
<razonSocialComprador>Comercial Andina S.A.</razonSocialComprador><identificacionComprador>0992339411001</identificacionComprador><obligadoContabilidad>SI</obligadoContabilidad>
<codDocModificado>01</codDocModificado><numDocModificado>001-002-000000123</numDocModificado><fechaEmisionDocSustento>02/03/2026</fechaEmisionDocSustento>
<totalSinImpuestos>${c.net}</totalSinImpuestos><valorModificacion>${c.total}</valorModificacion><moneda>DOLAR</moneda>
<totalConImpuestos>${c.taxes.map((t) => tax(t, 'totalImpuesto')).join('')}</totalConImpuestos><motivo>Devolución de mercadería</motivo>${c.extra ?? ''}</infoNotaCredito>`;
  const total = factura ? `<importeTotal>${c.total}</importeTotal><moneda>DOLAR</moneda>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<${c.kind} id="comprobante" version="${c.version ?? '1.1.0'}"><infoTributaria><ambiente>1</ambiente><tipoEmision>1</tipoEmision>
<razonSocial>Ferretería del Pichincha Cía. Ltda.</razonSocial><nombreComercial>Ferrepichincha</nombreComercial><ruc>1792146739001</ruc>
<claveAcceso>0203202601179214673900110010020000001231234567811</claveAcceso><codDoc>${factura ? '01' : '04'}</codDoc><estab>001</estab><ptoEmi>002</ptoEmi>
<secuencial>${c.secuencial}</secuencial><dirMatriz>Av. 10 de Agosto N21-35, Quito</dirMatriz></infoTributaria>
${info.replace('</infoFactura>', `${total}</infoFactura>`)}
<detalles>${c.lines.map((l, i) => line(l, i, c.kind)).join('\n')}</detalles>
<infoAdicional><campoAdicional nombre="Email">compras@andina.example</campoAdicional></infoAdicional></${c.kind}>`;
}

/** The SRI's answer wrapping a comprobante as CDATA (how authorised invoices are handed over). */
export function sriAutorizacionXml(comprobante: string, estado = 'AUTORIZADO'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<autorizacion><estado>${estado}</estado><numeroAutorizacion>0203202601179214673900110010020000001231234567811</numeroAutorizacion>
<fechaAutorizacion>2026-03-02T10:15:00-05:00</fechaAutorizacion><ambiente>PRUEBAS</ambiente>
<comprobante><![CDATA[${comprobante}]]></comprobante><mensajes/></autorizacion>`;
}

/** A factura at 15 % IVA: 100.00 + 15.00, paid by transfer within 30 days. */
export const factura: SriComprobante = {
  kind: 'factura',
  secuencial: '000000123',
  date: '02/03/2026',
  net: '100.00',
  total: '115.00',
  taxes: [{ porcentaje: '4', tarifa: '15', base: '100.00', valor: '15.00' }],
  lines: [
    {
      description: 'Taladro percutor',
      quantity: '2.000000',
      price: '55.000000',
      discount: '10.00',
      net: '100.00',
      tax: { porcentaje: '4', tarifa: '15', base: '100.00', valor: '15.00' },
    },
  ],
  extra:
    '<propina>0.00</propina><pagos><pago><formaPago>20</formaPago><total>115.00</total><plazo>30</plazo><unidadTiempo>dias</unidadTiempo></pago></pagos>',
};

/** A nota de crédito (codDoc 04) for one drill: 50.00 + 7.50. */
export const notaCredito: SriComprobante = {
  kind: 'notaCredito',
  secuencial: '000000007',
  date: '09/03/2026',
  net: '50.00',
  total: '57.50',
  taxes: [{ porcentaje: '4', base: '50.00', valor: '7.50' }],
  lines: [
    {
      description: 'Taladro percutor (devuelto)',
      quantity: '1.000000',
      price: '50.000000',
      net: '50.00',
      tax: { porcentaje: '4', tarifa: '15', base: '50.00', valor: '7.50' },
    },
  ],
};

/** A factura with IVA 15 %, 0 % and exento (codigoPorcentaje 7), without tarifa in the totals. */
export const multiRateFactura: SriComprobante = {
  kind: 'factura',
  version: '2.1.0',
  secuencial: '000000124',
  date: '15/03/2026',
  net: '180.00',
  total: '195.00',
  taxes: [
    { porcentaje: '4', base: '100.00', valor: '15.00' },
    { porcentaje: '0', base: '50.00', valor: '0.00' },
    { porcentaje: '7', base: '30.00', valor: '0.00' },
  ],
  lines: [
    {
      description: 'Pintura',
      quantity: '4',
      price: '25.00',
      net: '100.00',
      tax: { porcentaje: '4', tarifa: '15', base: '100.00', valor: '15.00' },
    },
    {
      description: 'Semillas',
      quantity: '10',
      price: '5.00',
      net: '50.00',
      tax: { porcentaje: '0', tarifa: '0', base: '50.00', valor: '0.00' },
    },
    {
      description: 'Curso de seguridad',
      quantity: '1',
      price: '30.00',
      net: '30.00',
      tax: { porcentaje: '7', tarifa: '0', base: '30.00', valor: '0.00' },
    },
  ],
};
