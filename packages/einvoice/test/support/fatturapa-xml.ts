/**
 * Generated FatturaPA 1.2 test documents (written here, not copied from any dataset). Every
 * amount is spelled out, so a test checks the reader against the numbers the file states.
 */

export interface FatturapaLine {
  description: string;
  quantity?: string;
  unit?: string;
  price: string;
  total: string;
  rate: string;
  natura?: string;
}

export interface FatturapaSummary {
  rate: string;
  natura?: string;
  base: string;
  tax: string;
}

export interface FatturapaBody {
  type: string;
  number: string;
  date: string;
  currency?: string;
  /** Extra elements inside DatiGeneraliDocumento, after Numero (DatiRitenuta, DatiBollo, …). */
  general?: string;
  total?: string;
  lines: FatturapaLine[];
  summaries: FatturapaSummary[];
  /** The whole DatiPagamento element, or none. */
  payment?: string;
}

const tag = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${value}</${name}>`;

const SELLER = `<CedentePrestatore><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>04658130424</IdCodice></IdFiscaleIVA>
<CodiceFiscale>04658130424</CodiceFiscale><Anagrafica><Denominazione>Officine Adriatiche S.r.l.</Denominazione></Anagrafica><RegimeFiscale>RF01</RegimeFiscale></DatiAnagrafici>
<Sede><Indirizzo>Via del Porto</Indirizzo><NumeroCivico>12</NumeroCivico><CAP>60121</CAP><Comune>Ancona</Comune><Provincia>AN</Provincia><Nazione>IT</Nazione></Sede></CedentePrestatore>`;

const BUYER = `<CessionarioCommittente><DatiAnagrafici><CodiceFiscale>RSSMRA85T10A562S</CodiceFiscale><Anagrafica><Nome>Mario</Nome><Cognome>Rossi</Cognome></Anagrafica></DatiAnagrafici>
<Sede><Indirizzo>Corso Garibaldi 5</Indirizzo><CAP>20121</CAP><Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede></CessionarioCommittente>`;

function line(l: FatturapaLine, i: number): string {
  return `<DettaglioLinee><NumeroLinea>${i + 1}</NumeroLinea>${tag('Descrizione', l.description)}${tag('Quantita', l.quantity)}${tag('UnitaMisura', l.unit)}
<PrezzoUnitario>${l.price}</PrezzoUnitario><PrezzoTotale>${l.total}</PrezzoTotale><AliquotaIVA>${l.rate}</AliquotaIVA>${tag('Natura', l.natura)}</DettaglioLinee>`;
}

function summary(s: FatturapaSummary): string {
  return `<DatiRiepilogo><AliquotaIVA>${s.rate}</AliquotaIVA>${tag('Natura', s.natura)}<ImponibileImporto>${s.base}</ImponibileImporto><Imposta>${s.tax}</Imposta><EsigibilitaIVA>I</EsigibilitaIVA></DatiRiepilogo>`;
}

export function fatturapaBody(b: FatturapaBody): string {
  return `<FatturaElettronicaBody><DatiGenerali><DatiGeneraliDocumento><TipoDocumento>${b.type}</TipoDocumento><Divisa>${b.currency ?? 'EUR'}</Divisa>
<Data>${b.date}</Data><Numero>${b.number}</Numero>${b.general ?? ''}${tag('ImportoTotaleDocumento', b.total)}</DatiGeneraliDocumento></DatiGenerali>
<DatiBeniServizi>${b.lines.map(line).join('\n')}${b.summaries.map(summary).join('\n')}</DatiBeniServizi>${b.payment ?? ''}</FatturaElettronicaBody>`;
}

/** A whole file: one header, one or more bodies (a lotto), as FPR12 unless told. */
export function fatturapaXml(bodies: FatturapaBody[], format: 'FPA12' | 'FPR12' = 'FPR12'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="${format}" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
<FatturaElettronicaHeader><DatiTrasmissione><IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>04658130424</IdCodice></IdTrasmittente>
<ProgressivoInvio>00042</ProgressivoInvio><FormatoTrasmissione>${format}</FormatoTrasmissione><CodiceDestinatario>0000000</CodiceDestinatario></DatiTrasmissione>
${SELLER}
${BUYER}</FatturaElettronicaHeader>
${bodies.map(fatturapaBody).join('\n')}
</p:FatturaElettronica>`;
}

export const transferPayment = (amount: string, due: string, condition = 'TP02') =>
  `<DatiPagamento><CondizioniPagamento>${condition}</CondizioniPagamento><DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento>
<GiorniTerminiPagamento>30</GiorniTerminiPagamento><DataScadenzaPagamento>${due}</DataScadenzaPagamento><ImportoPagamento>${amount}</ImportoPagamento>
<IstitutoFinanziario>Banca di Ancona</IstitutoFinanziario><IBAN>IT60X0542811101000000123456</IBAN><BIC>BPMOIT22XXX</BIC></DettaglioPagamento></DatiPagamento>`;

/** An invoice at 22 %: two lines, 150.00 + 33.00 VAT = 183.00. */
export const invoiceBody: FatturapaBody = {
  type: 'TD01',
  number: 'FPR 17/26',
  date: '2026-03-02',
  total: '183.00',
  lines: [
    {
      description: 'Manutenzione impianto',
      quantity: '2.00',
      unit: 'ore',
      price: '50.00',
      total: '100.00',
      rate: '22.00',
    },
    { description: 'Filtro aria', quantity: '1.00', price: '50.00', total: '50.00', rate: '22.00' },
  ],
  summaries: [{ rate: '22.00', base: '150.00', tax: '33.00' }],
  payment: transferPayment('183.00', '2026-04-01'),
};

/** A credit note (TD04) crediting the filter: 50.00 + 11.00 VAT. */
export const creditNoteBody: FatturapaBody = {
  type: 'TD04',
  number: 'NC 3/26',
  date: '2026-03-09',
  total: '61.00',
  lines: [
    {
      description: 'Storno filtro aria',
      quantity: '1.00',
      price: '50.00',
      total: '50.00',
      rate: '22.00',
    },
  ],
  summaries: [{ rate: '22.00', base: '50.00', tax: '11.00' }],
  payment: transferPayment('61.00', '2026-03-09'),
};

/** Three rates and an exempt line: 22 %, 10 %, 4 % and N4 (esente); two instalments of 135.60. */
export const multiRateBody: FatturapaBody = {
  type: 'TD01',
  number: '2026/118',
  date: '2026-03-15',
  total: '271.20',
  lines: [
    { description: 'Detersivo', quantity: '4.00', price: '25.00', total: '100.00', rate: '22.00' },
    { description: 'Pasti mensa', quantity: '10.00', price: '8.00', total: '80.00', rate: '10.00' },
    { description: 'Quotidiani', quantity: '20.00', price: '1.50', total: '30.00', rate: '4.00' },
    {
      description: 'Visita medica',
      quantity: '1.00',
      price: '30.00',
      total: '30.00',
      rate: '0.00',
      natura: 'N4',
    },
  ],
  summaries: [
    { rate: '22.00', base: '100.00', tax: '22.00' },
    { rate: '10.00', base: '80.00', tax: '8.00' },
    { rate: '4.00', base: '30.00', tax: '1.20' },
    { rate: '0.00', natura: 'N4', base: '30.00', tax: '0.00' },
  ],
  payment:
    `<DatiPagamento><CondizioniPagamento>TP01</CondizioniPagamento>` +
    `<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-04-15</DataScadenzaPagamento><ImportoPagamento>135.60</ImportoPagamento><IBAN>IT60 X054 2811 1010 0000 0123 456</IBAN></DettaglioPagamento>` +
    `<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-05-15</DataScadenzaPagamento><ImportoPagamento>135.60</ImportoPagamento><IBAN>IT60X0542811101000000123456</IBAN></DettaglioPagamento></DatiPagamento>`,
};

/**
 * A professional's invoice with ritenuta d'acconto (20 % of 1000.00 = 200.00), cassa
 * previdenziale (4 % = 40.00, taxable) and a virtual bollo: total 1268.80, due 1068.80.
 */
export const withholdingBody: FatturapaBody = {
  type: 'TD06',
  number: '7',
  date: '2026-02-27',
  general:
    '<DatiRitenuta><TipoRitenuta>RT01</TipoRitenuta><ImportoRitenuta>200.00</ImportoRitenuta><AliquotaRitenuta>20.00</AliquotaRitenuta><CausalePagamento>A</CausalePagamento></DatiRitenuta>' +
    '<DatiBollo><BolloVirtuale>SI</BolloVirtuale><ImportoBollo>2.00</ImportoBollo></DatiBollo>' +
    '<DatiCassaPrevidenziale><TipoCassa>TC22</TipoCassa><AlCassa>4.00</AlCassa><ImportoContributoCassa>40.00</ImportoContributoCassa><ImponibileCassa>1000.00</ImponibileCassa><AliquotaIVA>22.00</AliquotaIVA></DatiCassaPrevidenziale>',
  total: '1268.80',
  lines: [{ description: 'Consulenza', price: '1000.00', total: '1000.00', rate: '22.00' }],
  summaries: [{ rate: '22.00', base: '1040.00', tax: '228.80' }],
  payment: transferPayment('1068.80', '2026-03-29'),
};
