import type { EInvoiceAddress, EInvoiceParty } from '../model';
import { clean } from '../values';
import { all, at, attribute, textAt, type XmlElement } from '../xml';

/**
 * A UBL party (cac:Party). PEPPOL writes the name in PartyName and the VAT id in a PartyTaxScheme
 * of scheme VAT; DIAN puts name and NIT in PartyTaxScheme and the address in PhysicalLocation;
 * SUNAT puts the RUC in PartyIdentification and the address in PartyLegalEntity.
 */
export function ublParty(party: XmlElement | undefined): EInvoiceParty {
  const schemes = all(party, 'PartyTaxScheme');
  const vatScheme = schemes.find((s) => textAt(s, 'TaxScheme/ID') === 'VAT') ?? schemes[0];
  return {
    name: clean(
      textAt(party, 'PartyName/Name') ??
        textAt(party, 'PartyLegalEntity/RegistrationName') ??
        textAt(vatScheme, 'RegistrationName'),
    ),
    taxId: clean(
      dianNit(at(vatScheme, 'CompanyID')) ??
        textAt(vatScheme, 'CompanyID') ??
        textAt(party, 'PartyLegalEntity/CompanyID') ??
        textAt(party, 'PartyIdentification/ID'),
    ),
    address: ublAddress(
      at(party, 'PostalAddress') ??
        at(party, 'PhysicalLocation/Address') ??
        at(party, 'PartyLegalEntity/RegistrationAddress') ??
        at(vatScheme, 'RegistrationAddress'),
    ),
  };
}

/**
 * DIAN writes the NIT's check digit (DV) in the CompanyID's schemeID (schemeName 31 = NIT):
 * `900373115` with schemeID `3` is NIT 900373115-3, which the checksum validators can check.
 */
function dianNit(companyId: XmlElement | undefined): string | null {
  const dv = attribute(companyId, 'schemeID');
  const nit = companyId?.text ?? '';
  return attribute(companyId, 'schemeName') === '31' &&
    dv !== null &&
    /^\d$/.test(dv) &&
    /^\d+$/.test(nit)
    ? `${nit}-${dv}`
    : null;
}

function ublAddress(address: XmlElement | undefined): EInvoiceAddress {
  return {
    street: clean(textAt(address, 'StreetName') ?? textAt(address, 'AddressLine/Line')),
    city: clean(textAt(address, 'CityName') ?? textAt(address, 'CitySubdivisionName')),
    postcode: clean(textAt(address, 'PostalZone')),
    country: clean(textAt(address, 'Country/IdentificationCode')),
  };
}
