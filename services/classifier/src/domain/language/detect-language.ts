const ES =
  /\b(de|la|el|los|las|del|por|para|con|una|factura|fecha|importe|total a pagar|cliente|iva|saldo|cuenta|nómina|contrato|gracias|que|en|y)\b/g;
const EN =
  /\b(the|of|and|to|for|with|invoice|date|amount|due|customer|balance|account|payslip|agreement|thank|you|is|this|by|tax)\b/g;

/** English or Spanish, from the share of each language's most frequent words. */
export function detectLanguage(text: string): 'en' | 'es' {
  const sample = text.slice(0, 8000).toLowerCase();
  const es = (sample.match(ES) ?? []).length;
  const en = (sample.match(EN) ?? []).length;
  return es > en ? 'es' : 'en';
}
