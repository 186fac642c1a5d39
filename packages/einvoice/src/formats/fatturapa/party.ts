import type { EInvoiceParty } from '../../model';
import { clean } from '../../values';
import { at, textAt, type XmlElement } from '../../xml';

/**
 * CedentePrestatore or CessionarioCommittente. The tax id is the VAT id (IdFiscaleIVA: IdPaese
 * followed by IdCodice, "IT01234567890"), else the codice fiscale as written; the address is the
 * Sede (Indirizzo and NumeroCivico, CAP, Comune, Nazione).
 */
export function readParty(party: XmlElement | undefined): EInvoiceParty {
  const registry = at(party, 'DatiAnagrafici');
  const sede = at(party, 'Sede');
  const street = [textAt(sede, 'Indirizzo'), textAt(sede, 'NumeroCivico')].filter(Boolean);
  return {
    name: partyName(at(registry, 'Anagrafica')),
    taxId: vatId(at(registry, 'IdFiscaleIVA')) ?? clean(textAt(registry, 'CodiceFiscale')),
    address: {
      street: clean(street.join(' ')),
      city: clean(textAt(sede, 'Comune')),
      postcode: clean(textAt(sede, 'CAP')),
      country: clean(textAt(sede, 'Nazione')),
    },
  };
}

function partyName(registry: XmlElement | undefined): string | null {
  const company = clean(textAt(registry, 'Denominazione'));
  if (company) return company;
  const person = [
    textAt(registry, 'Titolo'),
    textAt(registry, 'Nome'),
    textAt(registry, 'Cognome'),
  ];
  return clean(person.filter(Boolean).join(' '));
}

function vatId(id: XmlElement | undefined): string | null {
  const country = clean(textAt(id, 'IdPaese'));
  const code = clean(textAt(id, 'IdCodice'));
  if (code === null) return null;
  if (country === null || code.toUpperCase().startsWith(country.toUpperCase())) return code;
  return `${country}${code}`;
}
