import { foldPattern, type DocumentText, type Line } from '../extract/document-text';
import { cellsOf, datesIn } from '../extract/tokens';

/** Company legal forms across the countries docflow sees (matched on whole words, case-insensitive). */
const LEGAL_FORM =
  /(?:^|[\s(])(sdn\.? ?bhd|bhd|s\/b|sdn|plt|pte\.? ?ltd|pvt\.? ?ltd|ltd|limited|llc|l\.l\.c|llp|inc|corp|corporation|co\.|company|plc|gmbh|ag|ohg|e\.k|s\.l\.u?|s\.a\.s?|s\.a\.u|s\.?r\.?l|sarl|sas|s\.?p\.?a|b\.?v|n\.?v|vof|lda|ltda|eireli|s\.? ?de ?r\.?l|sa de cv|spa|srl|sl|sa|bv|nv|aps|kft|sp\. z o\.o)\.?(?=$|[\s),.])/i;

/** Words that name a kind of business: a shop's name often holds one when it has no legal form. */
const BUSINESS = foldPattern(
  /\b(enterprise|trading|restaurant|restoran|rest\.?|cafe|caf|coffee|bistro|bakery|kitchen|store|stores|mart|market|supermarket|minimarket|hypermarket|pasaraya|kedai|perniagaan|syarikat|hardware|stationery|books?|pharmacy|farmacia|apotheke|pharmacie|station|petrol|fuel|hotel|motor|electrical|trading|services|industries|international|gallery|shop|boutique|deli|grocer|grocery|pizzeria|bar|pub|tienda|supermercado|panaderia|boulangerie|baeckerei|backerei|carniceria|drogerie|markt|winkel|negozio|loja|mercado)\b/,
);

const ADDRESS = foldPattern(
  /\b(jalan|jln|taman|tmn|lot|no\.?\s?\d|street|st\.|road|rd\.?|avenue|ave\.?|blvd|boulevard|lane|level|floor|flr|suite|unit|block|blk|kawasan|bandar|batu|persiaran|lorong|calle|avda|avenida|av\.|carrera|cra\.|plaza|strasse|str\.|straße|weg|platz|rue|boulevard|via|viale|piazza|rua|praca|straat|laan|plein)\b/,
);

const CONTACT = foldPattern(
  /\b(tel|telephone|phone|fax|h\/p|hp|mobile|gst|sst|vat|reg|registration|roc|co\.?\s?no|company no|tax id|nif|cif|rfc|ruc|nit|rut|cuit|abn|ust|btw|siret|email|e-mail|www|http)\b|@|\.com\b/,
);

const HEADING = foldPattern(
  /\b(tax invoice|invoice|receipt|cash bill|bill|simplified|official|welcome|thank|copy|duplicate|reprint|order|table|cashier|counter|terminal|date|time|ticket|factura|recibo|boleta|quittung|beleg|rechnung|kassenbon|bon|ricevuta|scontrino|recu|facture|kassabon|nota|cupom|shopping hours|opening hours|formerly|known as|licensee)\b/,
);

export interface MerchantChoice {
  text: string;
  /** First line and, when the name runs onto the next line, the last line it spans. */
  first: Line;
  last: Line;
  confidence: number;
}

/** The top of the page where the business prints its name: the first dozen lines. */
const TOP_LINES = 12;

const MAX_NAME = 120;

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/** The name part of a line: its first cell, without a registration number in brackets after it. */
function namePart(line: Line): string {
  const cell = cellsOf(line)[0];
  // a name is short: what is past MAX_NAME characters is not read
  const text = (cell ? cell.text : line.text).slice(0, MAX_NAME).trim();
  return text.replace(/\s*\((?=[^)]*\d)[^)]*\)?\s*$/, '').trim();
}

/** A name printed over two lines: `HOME MASTER HARDWARE &` / `ELECTRICAL`, `… (SETIA` / `ALAM) SDN BHD`. */
function continues(name: string, next: string): boolean {
  if (!next || /\d{3,}/.test(next) || letters(next) < 2) return false;
  if (/[&,(-]$/.test(name)) return true;
  if ((name.match(/\(/g) ?? []).length > (name.match(/\)/g) ?? []).length) return true;
  // `NANDO'S CHICKENLAND MALAYSIA` over `SDN BHD`: the next line is a legal form and little else
  const rest = next.replace(LEGAL_FORM, ' ').trim();
  return (
    !LEGAL_FORM.test(name) && LEGAL_FORM.test(next) && rest.split(/\s+/).filter(Boolean).length <= 1
  );
}

function score(text: string, folded: string, index: number, doc: DocumentText, line: Line): number {
  if (letters(text) < 3) return -10;
  let s = -0.35 * index;
  if (LEGAL_FORM.test(text)) s += 3;
  if (BUSINESS.test(folded)) s += 1.2;
  if (text === text.toUpperCase()) s += 0.5;
  const digits = (text.match(/\d/g) ?? []).length;
  if (digits >= 4) s -= 3;
  else s -= 0.4 * digits;
  if (ADDRESS.test(folded)) s -= 2.5;
  if (CONTACT.test(folded)) s -= 4;
  if (HEADING.test(folded)) s -= 3;
  if (datesIn(doc, line).length > 0) s -= 4;
  if (/^[^\p{L}]/u.test(text)) s -= 1;
  return s;
}

/**
 * The business that issued the receipt: among the top lines, the one that reads most like a
 * business name — a legal form (`SDN BHD`, `GmbH`, `S.L.`, `Ltd`…), a kind of business
 * (`RESTAURANT`, `MART`, `TRADING`), capitals, near the top — and least like an address, a phone or
 * registration line, a heading or a date. A name running onto the next line is joined. A person's
 * name or a brand printed above the company's legal name loses to the legal name.
 */
export function chooseMerchant(doc: DocumentText): MerchantChoice | undefined {
  const lines = doc.lines.filter((l) => l.text.trim()).slice(0, TOP_LINES);
  let best: (MerchantChoice & { score: number }) | undefined;
  const second = { score: -Infinity };
  lines.forEach((line, i) => {
    let text = namePart(line);
    let last = line;
    const next = lines[i + 1];
    if (next && continues(text, namePart(next))) {
      text = `${text} ${namePart(next)}`.replace(/\s*\((?=[^)]*\d)[^)]*\)?\s*$/, '');
      last = next;
    }
    const s = score(text, line.folded.slice(0, MAX_NAME * 2), i, doc, line);
    if (!best || s > best.score) {
      if (best) second.score = best.score;
      best = { text, first: line, last, confidence: 0, score: s };
    } else if (s > second.score) second.score = s;
  });
  if (!best || best.score < -2) return undefined;
  const margin = best.score - second.score;
  const confidence = Math.min(0.95, 0.5 + 0.1 * margin + (LEGAL_FORM.test(best.text) ? 0.2 : 0));
  return { text: best.text, first: best.first, last: best.last, confidence };
}
