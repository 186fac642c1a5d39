/**
 * Names e-invoice standards give the XML a PDF embeds: Factur-X and ZUGFeRD 2.1+ `factur-x.xml`,
 * ZUGFeRD 2.0 `zugferd-invoice.xml`, ZUGFeRD 1.0 `ZUGFeRD-invoice.xml`, XRechnung `xrechnung.xml`.
 */
export const EINVOICE_ATTACHMENT_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];

/** The embedded file holding the e-invoice, by name (case-insensitive), numbered from 1. */
export function einvoiceAttachment(
  names: readonly string[],
): { number: number; name: string } | undefined {
  const index = names.findIndex((name) =>
    EINVOICE_ATTACHMENT_NAMES.includes(name.trim().toLowerCase()),
  );
  return index < 0 ? undefined : { number: index + 1, name: names[index]! };
}
