import type { GeneratedDoc } from './generated-doc';
import { address, companyName, personName, taxId, type Pool } from './fake-data';
import { addDays, formatDate, formatMoney, randomDate, type Locale } from './locales';
import type { Random } from './random';

const EN_TITLES = [
  'SERVICE AGREEMENT',
  'Master Services Agreement',
  'CONSULTING AGREEMENT',
  'Lease Agreement',
  'NON-DISCLOSURE AGREEMENT',
  'Supply Contract',
  'Software License Agreement',
  'Employment Contract',
  'INDEPENDENT CONTRACTOR AGREEMENT',
  'Assured Shorthold Tenancy Agreement',
  'DISTRIBUTION AGREEMENT',
  'Statement of Work',
  'ASSET PURCHASE AGREEMENT',
];
const ES_TITLES = [
  'CONTRATO DE PRESTACIÓN DE SERVICIOS',
  'Contrato de arrendamiento',
  'CONTRATO DE CONFIDENCIALIDAD',
  'Contrato de suministro',
  'CONTRATO DE CONSULTORÍA',
  'Contrato de licencia de software',
  'CONTRATO DE TRABAJO',
  'CONTRATO DE PRESTACIÓN DE SERVICIOS PROFESIONALES',
  'CONTRATO DE OBRA',
  'CONTRATO DE COMPRAVENTA',
  'CONTRATO INDIVIDUAL DE TRABAJO A TÉRMINO FIJO',
  'CONTRATO DE ARRENDAMIENTO DE VIVIENDA',
  'CONVENIO DE COLABORACIÓN',
];

const EN_CLAUSES = [
  '1. SERVICES. The Provider shall perform the services described in Schedule A with due skill and care.',
  '2. FEES. The Client shall pay the fees set out in Schedule B within thirty (30) days of each invoice.',
  '3. CONFIDENTIALITY. Each party shall keep confidential all information disclosed by the other party.',
  '4. TERMINATION. Either party may terminate this Agreement by giving sixty (60) days written notice.',
  '5. LIABILITY. Neither party shall be liable for indirect or consequential losses.',
  '6. GOVERNING LAW. This Agreement shall be governed by the laws of the jurisdiction stated above.',
  '7. ENTIRE AGREEMENT. This Agreement constitutes the entire agreement between the parties.',
  'IN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date.',
];
const ES_CLAUSES = [
  'PRIMERA.- OBJETO. El Prestador se obliga a realizar los servicios descritos en el Anexo I.',
  'SEGUNDA.- PRECIO. El Cliente abonará los honorarios pactados en el plazo de treinta (30) días desde la factura.',
  'TERCERA.- CONFIDENCIALIDAD. Las partes se comprometen a mantener la confidencialidad de la información.',
  'CUARTA.- RESOLUCIÓN. Cualquiera de las partes podrá resolver el contrato con un preaviso de sesenta (60) días.',
  'QUINTA.- RESPONSABILIDAD. Ninguna de las partes responderá de daños indirectos.',
  'SEXTA.- LEY APLICABLE. El presente contrato se regirá por la legislación española.',
  'Y en prueba de conformidad, las partes firman el presente contrato por duplicado en el lugar y fecha indicados.',
];

export function generateContract(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const es = locale.lang === 'es';
  const a = companyName(r, locale, pool);
  const b = r.chance(0.7) ? companyName(r, locale, pool) : personName(r, locale.lang, pool);
  const effective = randomDate(r);
  const months = r.pick([6, 12, 12, 24, 36]);
  const hasEnd = r.chance(0.6);
  const end = addDays(effective, Math.round(months * 30.42) - 1);
  const ds = r.pick([1, 3, 5, 5, 8]);
  const fmt = (d: string) => formatDate(r, d, locale, ds);
  const title = r.pick(es ? ES_TITLES : EN_TITLES);
  const lines: string[] = [title, ''];
  const roleA = es
    ? r.pick(['el Prestador', 'el Arrendador', 'la Empresa', 'el Proveedor'])
    : r.pick(['the "Provider"', 'the "Landlord"', 'the "Company"', 'the "Supplier"']);
  const roleB = es
    ? r.pick(['el Cliente', 'el Arrendatario', 'el Trabajador'])
    : r.pick(['the "Client"', 'the "Tenant"', 'the "Customer"']);
  const style = r.int(0, 3);
  const fee = formatMoney(
    Math.round(r.money(300, 9000)) * (locale.scale ?? 1),
    locale,
    r.pick(locale.amountStyles),
    r.pick(['prefix-space', 'suffix', 'code-suffix']),
  );
  const idLabel = r.pick(locale.taxIdLabels);
  const where = address(r, locale).join(', ');
  const leaseClauses = es
    ? [
        `EXPONEN: Que el Arrendador es propietario de ${r.pick(['la vivienda', 'el local comercial', 'la nave industrial', 'la oficina'])} sita en ${where}.`,
        `RENTA. La renta mensual será de ${fee}, pagadera por meses anticipados dentro de los cinco primeros días de cada mes.`,
        `FIANZA. El Arrendatario entrega en este acto una mensualidad de renta en concepto de fianza legal.`,
        'GASTOS. Los suministros de agua, luz y gas serán por cuenta del Arrendatario.',
      ]
    : [
        `PROPERTY. The Landlord lets the premises at ${where} to the Tenant for the Term.`,
        `RENT. The Tenant shall pay rent of ${fee} per calendar month in advance.`,
        'DEPOSIT. A deposit equal to five weeks of rent is payable on signing and will be held in an approved scheme.',
        'The Tenant shall keep the premises in good and clean condition and allow access for repairs.',
      ];
  const lease = /arrendamiento|lease|tenancy/i.test(title);
  if (es) {
    if (style === 0) {
      lines.push(
        `En ${r.pick(locale.cities)}, a ${fmt(effective)}.`,
        '',
        'REUNIDOS',
        '',
        `De una parte, ${a}, con domicilio social en ${r.pick(locale.cities)}, en adelante ${roleA}.`,
        '',
        `Y de otra parte, ${b}, en adelante ${roleB}.`,
        '',
      );
    } else if (style === 1) {
      lines.push(
        'PARTES',
        `Parte 1: ${a} (${roleA})`,
        `Parte 2: ${b} (${roleB})`,
        `Fecha de entrada en vigor: ${fmt(effective)}`,
        '',
      );
    } else if (style === 3) {
      lines.push(
        `Entre los suscritos, a saber: ${a}, sociedad identificada con ${idLabel} ${taxId(r, locale)}, representada legalmente por ${personName(r, 'es', pool)}, quien en adelante se denominará EL CONTRATANTE, y ${b}, identificado con ${idLabel} ${taxId(r, locale, true)}, quien en adelante se denominará EL CONTRATISTA, hemos convenido celebrar el presente contrato el ${fmt(effective)}, que se regirá por las siguientes cláusulas:`,
        '',
        `VALOR. El valor del contrato es de ${fee}, pagaderos ${r.pick(['mensualmente', 'contra entrega', 'en dos cuotas'])} previa presentación de la cuenta de cobro.`,
      );
    } else {
      lines.push(
        `El presente contrato se celebra entre ${a} (${roleA}) y ${b} (${roleB}), con fecha de inicio ${fmt(effective)}.`,
        '',
      );
    }
    lines.push(
      hasEnd
        ? `DURACIÓN. El contrato tendrá vigencia desde ${fmt(effective)} hasta el ${fmt(end)}.`
        : `DURACIÓN. El contrato tendrá una duración de ${months} meses, prorrogable tácitamente.`,
    );
    if (lease) lines.push(...leaseClauses.filter(() => r.chance(0.7)));
    lines.push(
      ...r.shuffle([...ES_CLAUSES]).slice(0, r.int(3, 6)),
      '',
      `Fdo.: ${a}${' '.repeat(10)}Fdo.: ${b}`,
    );
  } else {
    if (style === 0) {
      lines.push(
        `This Agreement is made and entered into as of ${fmt(effective)} (the "Effective Date") by and between ${a} (${roleA}) and ${b} (${roleB}).`,
        '',
      );
    } else if (style === 1) {
      lines.push(
        'PARTIES',
        `Party A: ${a} (${roleA})`,
        `Party B: ${b} (${roleB})`,
        `Effective Date: ${fmt(effective)}`,
        '',
      );
    } else if (style === 3) {
      lines.push(
        `This ${r.pick(['Agreement', 'Independent Contractor Agreement', 'Services Agreement'])} (this "Agreement") is entered into on ${fmt(effective)} (the "Effective Date") between ${a} (the "Company"), a ${r.pick(['Delaware corporation', 'company registered in England and Wales', 'limited liability company'])}, and ${b} (the "Contractor").`,
        '',
        'WHEREAS, the Company wishes to engage the Contractor to provide certain services, and the Contractor wishes to provide them;',
        'NOW, THEREFORE, in consideration of the mutual covenants herein, the parties agree as follows:',
        `COMPENSATION. The Company shall pay the Contractor ${fee} ${r.pick(['per month', 'per hour', 'in total', 'per milestone'])}, payable within thirty (30) days of each invoice.`,
        '',
      );
    } else {
      lines.push(`BETWEEN: ${a}`, `AND: ${b}`, `Commencement date: ${fmt(effective)}`, '');
    }
    lines.push(
      hasEnd
        ? `TERM. This Agreement commences on the Effective Date and ends on ${fmt(end)} unless terminated earlier.`
        : `TERM. This Agreement shall remain in force for a period of ${months} months from the Effective Date.`,
    );
    if (lease) lines.push(...leaseClauses.filter(() => r.chance(0.7)));
    lines.push(
      ...r.shuffle([...EN_CLAUSES]).slice(0, r.int(3, 7)),
      '',
      `Signed for ${a}: ________    Signed for ${b}: ________`,
    );
  }
  const fields: Record<string, string | number> = {
    partyA: a,
    partyB: b,
    effectiveDate: effective,
  };
  if (hasEnd) fields.endDate = end;
  return {
    id,
    docType: 'contract',
    lang: locale.lang,
    country: locale.country,
    layout: `contract-${style}`,
    noise: 'clean',
    text: lines.join('\n'),
    fields,
  };
}
