import type { EInvoiceParty } from '../../model';
import { clean } from '../../values';
import { at, textAt, type XmlElement } from '../../xml';
import { alpha2 } from './countries';

/**
 * SellerParty or BuyerParty: the tax id is TaxIdentificationNumber as written (NIF, or a VAT id
 * with its country prefix for intra-EU trade); the name and address come from the LegalEntity
 * (CorporateName) or the Individual (Name FirstSurname SecondSurname), whose address is
 * AddressInSpain or OverseasAddress. Public buyers may give only AdministrativeCentres: the first
 * centre's name and address stand in then.
 */
export function readParty(party: XmlElement | undefined): EInvoiceParty {
  const holder = at(party, 'LegalEntity') ?? at(party, 'Individual');
  const centre = at(party, 'AdministrativeCentres/AdministrativeCentre');
  const address = addressOf(holder) ?? addressOf(centre);
  return {
    name: holderName(holder) ?? holderName(centre),
    taxId: clean(textAt(party, 'TaxIdentification/TaxIdentificationNumber')),
    address: {
      street: clean(textAt(address, 'Address')),
      city: clean(textAt(address, 'Town')) ?? clean(textAt(address, 'PostCodeAndTown')),
      postcode: clean(textAt(address, 'PostCode')),
      country: alpha2(clean(textAt(address, 'CountryCode'))),
    },
  };
}

function addressOf(holder: XmlElement | undefined): XmlElement | undefined {
  return at(holder, 'AddressInSpain') ?? at(holder, 'OverseasAddress');
}

function holderName(holder: XmlElement | undefined): string | null {
  const company = clean(textAt(holder, 'CorporateName'));
  if (company) return company;
  const person = [
    textAt(holder, 'Name'),
    textAt(holder, 'FirstSurname'),
    textAt(holder, 'SecondSurname'),
  ];
  return clean(person.filter(Boolean).join(' '));
}
