import type { EInvoiceLine, EInvoiceTax } from '../../model';
import { clean, decimal } from '../../values';
import { all, textAt, type XmlElement } from '../../xml';
import { IVA, taxCategory, taxRate } from './codes';

/**
 * detalles/detalle: precioTotalSinImpuesto is the line net (its descuento applied); the VAT rate
 * is the line's IVA impuesto (tarifa, or the rate its codigoPorcentaje stands for).
 */
export function readLines(comprobante: XmlElement): EInvoiceLine[] {
  return all(comprobante, 'detalles/detalle').map((line) => {
    const iva = all(line, 'impuestos/impuesto').find((t) => textAt(t, 'codigo') === IVA);
    const porcentaje = clean(textAt(iva, 'codigoPorcentaje'));
    const rate = iva ? taxRate(IVA, porcentaje, decimal(textAt(iva, 'tarifa'))) : null;
    return {
      description: clean(textAt(line, 'descripcion')),
      quantity: decimal(textAt(line, 'cantidad')),
      unitCode: clean(textAt(line, 'unidadMedida')),
      unitPrice: decimal(textAt(line, 'precioUnitario')),
      net: decimal(textAt(line, 'precioTotalSinImpuesto')),
      vatRate: rate,
      vatCategory: iva ? taxCategory(IVA, porcentaje, rate) : null,
    };
  });
}

/** totalConImpuestos/totalImpuesto: one entry per tax and codigoPorcentaje (IVA, ICE, IRBPNR). */
export function readTaxes(info: XmlElement | undefined): EInvoiceTax[] {
  return all(info, 'totalConImpuestos/totalImpuesto').map((tax) => {
    const codigo = clean(textAt(tax, 'codigo'));
    const porcentaje = clean(textAt(tax, 'codigoPorcentaje'));
    const rate = taxRate(codigo, porcentaje, decimal(textAt(tax, 'tarifa')));
    return {
      rate,
      category: taxCategory(codigo, porcentaje, rate),
      basis: decimal(textAt(tax, 'baseImponible')),
      amount: decimal(textAt(tax, 'valor')),
    };
  });
}
