/** Where CII versions keep the business terms: D16B (ZUGFeRD 2.x, Factur-X) and ZUGFeRD 1.0. */
export interface CiiPaths {
  version: string;
  context: string;
  header: string;
  transaction: string;
  agreement: string;
  settlement: string;
  summation: string;
  lineAgreement: string;
  lineDelivery: string;
  lineSettlement: string;
  lineSummation: string;
  /** The VAT rate's element in ApplicableTradeTax. */
  rate: string;
}

export const ciiPaths: Record<'d16b' | 'zugferd1', CiiPaths> = {
  d16b: {
    version: 'D16B',
    context: 'ExchangedDocumentContext',
    header: 'ExchangedDocument',
    transaction: 'SupplyChainTradeTransaction',
    agreement: 'ApplicableHeaderTradeAgreement',
    settlement: 'ApplicableHeaderTradeSettlement',
    summation: 'SpecifiedTradeSettlementHeaderMonetarySummation',
    lineAgreement: 'SpecifiedLineTradeAgreement',
    lineDelivery: 'SpecifiedLineTradeDelivery',
    lineSettlement: 'SpecifiedLineTradeSettlement',
    lineSummation: 'SpecifiedTradeSettlementLineMonetarySummation',
    rate: 'RateApplicablePercent',
  },
  zugferd1: {
    version: 'ZUGFeRD 1.0',
    context: 'SpecifiedExchangedDocumentContext',
    header: 'HeaderExchangedDocument',
    transaction: 'SpecifiedSupplyChainTradeTransaction',
    agreement: 'ApplicableSupplyChainTradeAgreement',
    settlement: 'ApplicableSupplyChainTradeSettlement',
    summation: 'SpecifiedTradeSettlementMonetarySummation',
    lineAgreement: 'SpecifiedSupplyChainTradeAgreement',
    lineDelivery: 'SpecifiedSupplyChainTradeDelivery',
    lineSettlement: 'SpecifiedSupplyChainTradeSettlement',
    lineSummation: 'SpecifiedTradeSettlementMonetarySummation',
    rate: 'ApplicablePercent',
  },
};
