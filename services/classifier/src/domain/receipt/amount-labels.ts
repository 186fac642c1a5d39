import { foldPattern } from '../extract/document-text';

/**
 * Words that say what an amount on a receipt is, by role, in the languages docflow reads (EN, ES,
 * FR, DE, NL, IT, PT) and the Malay of Malaysian tills (`jumlah`, `tunai`, `baki`). Matched on
 * folded text (lower case, no accents, OCR look-alikes merged), so `T0TAL` and `TOTAl` count.
 */
const RAW_ROLES = {
  /** Says the amount is what was paid: a total named as such. */
  totalStrong:
    /grand ?tota|tota[l1i]? ?(amount|amt|due|payable|to pay|rm|myr|sales? \(?inc|inc|incl|after|nett?|paid|a pagar|pagar|ttc|eur|usd|\$|€|\()|amount ?(due|payable|to pay)|(nett?|net) ?tota|balance due|jumlah|importe total|total a pagar|a pagar|montant (du|ttc|total)|net a payer|gesamt(betrag|summe)?|zu zahlen|endbetrag|summe|totaa?l|te betalen|totale|da pagare|valor (total|a pagar)|total geral|you pay|to pay\b/,
  /** A total after cash rounding: the amount actually paid. */
  rounded:
    /round(ed|ing)? ?(tota|amount|amt)|tota[l1i]? ?(amt|amount)? ?round|after round|nett? ?\(?round/,
  /** `Total`, `Tota1`, `TTL`: a total of some kind. */
  total: /tota[l1i]?\b|\btota\b|\bttl\b|\btot\b|total/,
  subtotal:
    /sub ?-?tota|\bexcl|exclusive|excluding|before (tax|gst|vat)|sin (iva|impuesto)|base imp|\bnet ?amount|\bnetto|hors taxe|\bht\b|zwischensumme|subtota/,
  tax: /\b(gst|sst|vat|tax|iva|tva|mwst|ust|btw|igv|impuesto|taxe|steuer|service charge|serv\.? ?chg|s\/?c\b)/,
  payment:
    /\b(cash|tunai|tendered|tender|paid|payment|received|visa|master ?card|mastercard|amex|card|credit|debit|efectivo|pago|pagado|especes|bar\b|contant|pagamento|contanti|dinheiro|e-?wallet|boost|grab ?pay|touch ?n ?go|tng)/,
  change:
    /\b(change|chang|baki|balance|cambio|vuelto|rendu|monnaie|ruckgeld|wisselgeld|resto|troco)\b/,
  discount:
    /\b(disc|discount|diskaun|saving|savings|promo|voucher|coupon|descuento|dto|remise|rabatt|korting|sconto|desconto|less)\b/,
  rounding: /\b(round|rounding|rndg|adj|adjustment|penggenapan|redondeo|arrondi|rundung)/,
  quantity:
    /\b(qty|quantity|qt|item|items|item\(s\)|pcs|units?|no\.? of|cant|cantidad|menge|anzahl|aantal|qte|quantite|quantita|quantidade|count)\b/,
  unitPrice: /(u\/?p\b|unit ?price|s\/price|price|precio|prix|preis|prijs|prezzo|preco|@|\brate\b)/,
  points: /\b(point|points|pts|member|loyalty|reward|bonus)\b/,
};

export type AmountRole = keyof typeof RAW_ROLES;

export const AMOUNT_ROLES = Object.keys(RAW_ROLES) as AmountRole[];

const ROLES = Object.fromEntries(
  Object.entries(RAW_ROLES).map(([role, re]) => [role, foldPattern(re)]),
) as Record<AmountRole, RegExp>;

/** The roles a label's words name (on folded text). */
export function rolesOf(raw: string): Set<AmountRole> {
  const roles = new Set<AmountRole>();
  if (!/[a-z]/.test(raw)) return roles;
  // `T O T A L` printed with spaced letters reads as `total`
  const folded = raw.replace(/(?<=(?:^|\s)[a-z]) (?=[a-z](?:\s|$))/g, '');
  for (const role of AMOUNT_ROLES) if (ROLES[role].test(folded)) roles.add(role);
  return roles;
}
