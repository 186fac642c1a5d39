import type { GeneratedDoc } from './generated-doc';
import { address, companyName, namePart, personName, PRODUCTS, type Pool } from './fake-data';
import { table } from './layout';
import { formatDate, formatNumber, randomDate, type Locale } from './locales';
import { OTHER_NOTICES } from './other-notices';
import { OTHER_SHEETS } from './other-sheets';
import type { Random } from './random';

type Maker = (r: Random, l: Locale, pool: Pool) => string[];

const EN: Maker[] = [
  (r, l, p) => [
    `${companyName(r, l, p)}`,
    ...address(r, l),
    '',
    formatDate(r, randomDate(r), l),
    '',
    `Dear ${personName(r, 'en', p)},`,
    '',
    r.pick([
      'We are writing to inform you that our offices will move next month.',
      'Thank you for attending our annual conference. We hope you found it useful.',
      'Please find enclosed the documentation you requested regarding your application.',
      'We regret to inform you that the event has been postponed.',
    ]),
    'Should you have any questions, do not hesitate to contact us.',
    '',
    'Kind regards,',
    personName(r, 'en', p),
  ],
  (r, l, p) => [
    'MINUTES OF MEETING',
    `Date: ${formatDate(r, randomDate(r), l)}`,
    `Attendees: ${personName(r, 'en', p)}, ${personName(r, 'en', p)}, ${personName(r, 'en', p)}`,
    '',
    'Agenda',
    '1. Review of previous actions',
    '2. Budget planning for next quarter',
    '3. AOB',
    '',
    'Actions',
    `- ${personName(r, 'en', p)} to circulate the revised plan`,
    '- Next meeting in two weeks',
  ],
  (r, l, p) => [
    r.pick(['QUOTATION', 'Quote', 'ESTIMATE', 'Price Quote']),
    `Quote No: Q-${r.int(100, 9999)}`,
    `Valid until: ${formatDate(r, randomDate(r), l)}`,
    `Prepared for: ${companyName(r, l, p)}`,
    '',
    ...table(
      ['Description', 'Qty', 'Price'],
      [
        [r.pick(PRODUCTS.en), String(r.int(1, 9)), formatNumber(r.money(10, 900), 'en')],
        [r.pick(PRODUCTS.en), String(r.int(1, 9)), formatNumber(r.money(10, 900), 'en')],
      ],
      'spaces',
    ),
    '',
    `Estimated total: ${formatNumber(r.money(100, 5000), 'en')}`,
    'This is not an invoice. Prices are valid for 30 days.',
  ],
  (r, l, p) => [
    'PURCHASE ORDER',
    `PO Number: PO-${r.int(1000, 99999)}`,
    `Order date: ${formatDate(r, randomDate(r), l)}`,
    `Supplier: ${companyName(r, l, p)}`,
    `Deliver to: ${address(r, l).join(', ')}`,
    '',
    ...table(
      ['Item', 'Qty', 'Unit cost'],
      [[r.pick(PRODUCTS.en), String(r.int(1, 50)), formatNumber(r.money(1, 300), 'en')]],
      'spaces',
    ),
    '',
    'Please confirm receipt of this order.',
  ],
  (r, l, p) => [
    'DELIVERY NOTE',
    `Delivery note no. DN-${r.int(1000, 9999)}`,
    `Ship to: ${companyName(r, l, p)}`,
    `Carrier: ${r.pick(['DHL', 'UPS', 'DPD', 'Royal Mail'])}`,
    '',
    ...table(
      ['Item', 'Qty delivered'],
      [
        [r.pick(PRODUCTS.en), String(r.int(1, 50))],
        [r.pick(PRODUCTS.en), String(r.int(1, 50))],
      ],
      'spaces',
    ),
    '',
    'Received in good condition: ____________',
  ],
  (r, _l, p) => [
    'CURRICULUM VITAE',
    personName(r, 'en', p),
    'Email: jobs@example.com',
    '',
    'PROFILE',
    'Experienced project manager with a background in logistics and software delivery.',
    '',
    'EXPERIENCE',
    `2019 - present  Operations lead, ${namePart(r, p)} Ltd`,
    '2015 - 2019  Analyst',
    '',
    'EDUCATION',
    'BSc Business Administration',
  ],
  (r, l, p) => [
    `From: ${personName(r, 'en', p)} <someone@example.org>`,
    `To: team@example.org`,
    `Subject: ${r.pick(['Project update', 'Holiday rota', 'Office party', 'Server maintenance window'])}`,
    `Date: ${formatDate(r, randomDate(r), l)}`,
    '',
    'Hi all,',
    r.pick([
      'Quick update on the rollout: we are on track for Friday.',
      'Please add your holidays to the shared calendar by Monday.',
      'The servers will be down for maintenance on Saturday night.',
    ]),
    '',
    'Thanks,',
    personName(r, 'en', p),
  ],
  (r, l) => [
    r.pick(['SHIPPING CONFIRMATION', 'Your order has shipped', 'Tracking notice']),
    `Order #${r.int(100000, 999999)}`,
    `Tracking number: 1Z${r.int(100000, 999999)}${r.int(1000, 9999)}`,
    `Estimated delivery: ${formatDate(r, randomDate(r), l)}`,
    'Track your parcel online with the carrier.',
  ],
  (r, l) => [
    'PRODUCT MANUAL',
    'Safety instructions',
    'Read all instructions before use. Keep away from water.',
    'Installation',
    '1. Unpack the device.',
    '2. Connect the power cable.',
    `Warranty: ${r.int(1, 3)} years from ${formatDate(r, randomDate(r), l)}.`,
  ],
  (r, l) => [
    'INCIDENT REPORT',
    `Date of incident: ${formatDate(r, randomDate(r), l)}`,
    'Location: warehouse B',
    'Description: a pallet fell from a shelf; no injuries were reported.',
    'Corrective action: shelves inspected and secured.',
  ],
];

const ES: Maker[] = [
  (r, l, p) => [
    `${companyName(r, l, p)}`,
    ...address(r, l),
    '',
    `${r.pick(l.cities)}, ${formatDate(r, randomDate(r), l, 5)}`,
    '',
    `Estimado/a ${personName(r, 'es', p)}:`,
    '',
    r.pick([
      'Por la presente le comunicamos el traslado de nuestras oficinas el próximo mes.',
      'Le agradecemos su asistencia a nuestra jornada anual.',
      'Adjuntamos la documentación solicitada sobre su expediente.',
      'Lamentamos comunicarle que el evento ha sido aplazado.',
    ]),
    'Quedamos a su disposición para cualquier aclaración.',
    '',
    'Atentamente,',
    personName(r, 'es', p),
  ],
  (r, l, p) => [
    'ACTA DE REUNIÓN',
    `Fecha: ${formatDate(r, randomDate(r), l)}`,
    `Asistentes: ${personName(r, 'es', p)}, ${personName(r, 'es', p)}`,
    '',
    'Orden del día',
    '1. Lectura del acta anterior',
    '2. Presupuesto del próximo trimestre',
    '3. Ruegos y preguntas',
    '',
    'Acuerdos',
    `- ${personName(r, 'es', p)} enviará el plan revisado`,
  ],
  (r, l, p) => [
    r.pick(['PRESUPUESTO', 'Presupuesto', 'OFERTA COMERCIAL', 'Cotización']),
    `Nº Presupuesto: P-${r.int(100, 9999)}`,
    `Válido hasta: ${formatDate(r, randomDate(r), l)}`,
    `Cliente: ${companyName(r, l, p)}`,
    '',
    ...table(
      ['Concepto', 'Cant.', 'Precio'],
      [
        [r.pick(PRODUCTS.es), String(r.int(1, 9)), formatNumber(r.money(10, 900), 'eu')],
        [r.pick(PRODUCTS.es), String(r.int(1, 9)), formatNumber(r.money(10, 900), 'eu')],
      ],
      'spaces',
    ),
    '',
    `Total estimado: ${formatNumber(r.money(100, 5000), 'eu')}`,
    'Este documento no es una factura. Oferta válida 30 días.',
  ],
  (r, l, p) => [
    'PEDIDO DE COMPRA',
    `Nº Pedido: PED-${r.int(1000, 99999)}`,
    `Fecha de pedido: ${formatDate(r, randomDate(r), l)}`,
    `Proveedor: ${companyName(r, l, p)}`,
    `Entregar en: ${address(r, l).join(', ')}`,
    '',
    ...table(
      ['Artículo', 'Cantidad', 'Precio unit.'],
      [[r.pick(PRODUCTS.es), String(r.int(1, 50)), formatNumber(r.money(1, 300), 'eu')]],
      'spaces',
    ),
    '',
    'Rogamos confirmen la recepción del pedido.',
  ],
  (r, l, p) => [
    'ALBARÁN DE ENTREGA',
    `Albarán nº ${r.int(1000, 9999)}`,
    `Destinatario: ${companyName(r, l, p)}`,
    `Transportista: ${r.pick(['SEUR', 'MRW', 'Correos Express', 'Servientrega'])}`,
    '',
    ...table(
      ['Artículo', 'Unidades'],
      [
        [r.pick(PRODUCTS.es), String(r.int(1, 50))],
        [r.pick(PRODUCTS.es), String(r.int(1, 50))],
      ],
      'spaces',
    ),
    '',
    'Recibí conforme: ____________',
  ],
  (r, _l, p) => [
    'CURRÍCULUM VITAE',
    personName(r, 'es', p),
    'Correo: empleo@ejemplo.es',
    '',
    'PERFIL',
    'Jefe de proyecto con experiencia en logística y desarrollo de software.',
    '',
    'EXPERIENCIA',
    '2019 - actualidad  Responsable de operaciones',
    '2015 - 2019  Analista',
    '',
    'FORMACIÓN',
    'Grado en Administración de Empresas',
  ],
  (r, l, p) => [
    `De: ${personName(r, 'es', p)}`,
    'Para: equipo@ejemplo.es',
    `Asunto: ${r.pick(['Novedades del proyecto', 'Calendario de vacaciones', 'Mantenimiento de servidores'])}`,
    `Fecha: ${formatDate(r, randomDate(r), l)}`,
    '',
    'Hola a todos:',
    r.pick([
      'Os confirmo que el despliegue sigue según lo previsto.',
      'Por favor, apuntad vuestras vacaciones antes del lunes.',
    ]),
    '',
    'Saludos,',
    personName(r, 'es', p),
  ],
  (r, l) => [
    'CONFIRMACIÓN DE ENVÍO',
    `Pedido nº ${r.int(100000, 999999)}`,
    `Número de seguimiento: ${r.int(100000, 999999)}${r.int(1000, 9999)}`,
    `Entrega estimada: ${formatDate(r, randomDate(r), l)}`,
  ],
  (r, l) => [
    'MANUAL DE USUARIO',
    'Instrucciones de seguridad',
    'Lea todas las instrucciones antes de usar el aparato.',
    'Instalación',
    '1. Desembale el equipo.',
    '2. Conecte el cable de alimentación.',
    `Garantía: ${r.int(1, 3)} años desde ${formatDate(r, randomDate(r), l)}.`,
  ],
  (r, l) => [
    'CERTIFICADO',
    `Se certifica que el curso de prevención de riesgos laborales fue completado el ${formatDate(r, randomDate(r), l, 5)}.`,
    'Y para que conste, se expide el presente certificado.',
  ],
];

/**
 * `other`: letters, minutes, quotes, orders, delivery notes, CVs, e-mails, manuals (above), and
 * half of the time the confusable kind: spreadsheets of expenses and invoices, flyers, menus,
 * notices with prices (`other-sheets.ts`, `other-notices.ts`).
 */
export function generateOther(r: Random, locale: Locale, pool: Pool, id: string): GeneratedDoc {
  const family = r.pick(['plain', 'plain', 'sheet', 'notice']);
  const makers =
    family === 'sheet'
      ? OTHER_SHEETS
      : family === 'notice'
        ? OTHER_NOTICES
        : locale.lang === 'es'
          ? ES
          : EN;
  const index = r.int(0, makers.length - 1);
  return {
    id,
    docType: 'other',
    lang: locale.lang,
    country: locale.country,
    layout: `other-${family}-${index}`,
    noise: 'clean',
    text: makers[index]!(r, locale, pool).join('\n'),
    fields: {},
  };
}
