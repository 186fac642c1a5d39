import { address, companyName, namePart, personName, type Pool } from './fake-data';
import { formatDate, formatMoney, randomDate, type Locale } from './locales';
import type { Random } from './random';

/**
 * Documents full of prices and dates that are not financial records: marketing flyers,
 * newsletters, restaurant menus, letters announcing a new rent or fee, payment reminders,
 * minutes of an owners' meeting with its budget. They must stay `other`.
 */
type Maker = (r: Random, l: Locale, p: Pool) => string[];

const price = (r: Random, l: Locale, min: number, max: number) =>
  formatMoney(
    Math.round(r.money(min, max) * (l.scale ?? 1) * 100) / 100,
    l,
    r.pick(l.amountStyles),
    r.pick(['prefix', 'suffix', 'prefix-space']),
    l.wholeAmounts === 1 ? 0 : 2,
  );

const flyer: Maker = (r, l, p) => {
  const es = l.lang === 'es';
  const shop =
    `${r.pick(es ? ['SUPERMERCADOS', 'TIENDAS', 'HIPER', 'FERRETERÍA'] : ['', 'THE', ''])} ${namePart(r, p).toUpperCase()}${es ? '' : r.pick([' STORES', ' MARKET', ' DIY'])}`.trim();
  const items = es
    ? [
        'Aceite de oliva 1 L',
        'Café molido 250 g',
        'Detergente 40 lavados',
        'Pechuga de pollo kg',
        'Leche entera pack 6',
        'Taladro percutor 600W',
        'Televisor 50"',
      ]
    : [
        'Olive oil 1L',
        'Ground coffee 250g',
        'Laundry liquid 40 washes',
        'Chicken breast kg',
        'Milk 6 pack',
        'Hammer drill 600W',
        '50" TV',
      ];
  return [
    es
      ? r.pick([
          '¡OFERTAS DE LA SEMANA!',
          'SÚPER PRECIOS',
          '¡LIQUIDACIÓN TOTAL!',
          'Folleto de ofertas',
        ])
      : r.pick([
          'THIS WEEK ONLY!',
          'BIG SUMMER SALE',
          'Weekly deals',
          'CLEARANCE - EVERYTHING MUST GO',
        ]),
    shop,
    es
      ? `Del ${r.int(1, 14)} al ${r.int(15, 28)} de ${r.pick(['marzo', 'junio', 'octubre', 'diciembre'])}`
      : `Valid ${r.int(1, 14)}-${r.int(15, 28)} ${r.pick(['March', 'June', 'October'])}`,
    '',
    es
      ? r.pick(['2ª UNIDAD AL 50%', '3x2 EN TODA LA GAMA', '-30% EN FRESCOS'])
      : r.pick(['BUY ONE GET ONE FREE', '3 FOR 2', 'UP TO 50% OFF']),
    ...r
      .shuffle([...items])
      .slice(0, r.int(2, 6))
      .map(
        (i) =>
          `${i} ${'.'.repeat(r.int(2, 12))} ${price(r, l, 0.8, 40)}${r.chance(0.3) ? (es ? ' antes ' : ' was ') + price(r, l, 2, 60) : ''}`,
      ),
    '',
    es
      ? r.pick([
          '¡Hazte socio y acumula puntos en cada compra!',
          'Ofertas válidas hasta fin de existencias.',
          'Precios con IVA incluido.',
        ])
      : r.pick(['Join our rewards club today!', 'While stocks last.', 'Prices include VAT.']),
  ];
};

const newsletter: Maker = (r, l, p) => {
  const es = l.lang === 'es';
  return [
    `${companyName(r, l, p)} — ${es ? r.pick(['Boletín de noticias', 'Newsletter de primavera', 'Novedades del mes']) : r.pick(['Monthly newsletter', 'Spring update', 'News from us'])}`,
    '',
    es
      ? `Hola ${personName(r, 'es', p).split(' ')[0]},`
      : `Hi ${personName(r, 'en', p).split(' ')[0]},`,
    es
      ? r.pick([
          'Este mes estrenamos tienda online y queremos celebrarlo contigo.',
          'Te contamos las novedades de nuestro taller de otoño.',
        ])
      : r.pick([
          'This month we opened our new showroom and we would love to see you.',
          'Here is what is new in our autumn workshop programme.',
        ]),
    es
      ? `Taller práctico el ${formatDate(r, randomDate(r), l, 5)}, plazas limitadas: ${price(r, l, 10, 60)} por persona.`
      : `Hands-on workshop on ${formatDate(r, randomDate(r), l, 5)}, limited places: ${price(r, l, 10, 60)} per person.`,
    es
      ? `Usa el código ${namePart(r, p).toUpperCase()}10 y obtén un 10 % de descuento.`
      : `Use code ${namePart(r, p).toUpperCase()}10 for 10% off.`,
    '',
    es
      ? 'Recibes este correo porque te suscribiste a nuestra lista. Darse de baja | Política de privacidad'
      : 'You are receiving this email because you subscribed. Unsubscribe | Privacy policy',
  ];
};

const menu: Maker = (r, l, p) => {
  const es = l.lang === 'es';
  const dishes = es
    ? [
        ['Primeros', ['Ensalada de la casa', 'Sopa de pescado', 'Crema de calabaza', 'Gazpacho']],
        ['Segundos', ['Merluza a la plancha', 'Pollo asado', 'Arroz negro', 'Entrecot']],
        ['Postres', ['Flan casero', 'Fruta del tiempo', 'Tarta de queso']],
      ]
    : [
        ['Starters', ['Soup of the day', 'Garlic prawns', 'Caesar salad']],
        ['Mains', ['Fish and chips', 'Sirloin steak', 'Mushroom risotto', 'Chicken curry']],
        ['Desserts', ['Apple crumble', 'Cheesecake', 'Ice cream']],
      ];
  const lines = [
    `${es ? r.pick(['RESTAURANTE', 'CASA', 'MESÓN']) : r.pick(['THE', ''])} ${namePart(r, p).toUpperCase()}`.trim(),
    es
      ? r.pick(['MENÚ DEL DÍA', 'Carta', 'MENÚ DEGUSTACIÓN'])
      : r.pick(['MENU', 'Lunch menu', 'Set menu']),
  ];
  for (const [course, items] of dishes as [string, string[]][]) {
    lines.push('', course.toUpperCase());
    for (const d of r.shuffle([...items]).slice(0, r.int(2, items.length)))
      lines.push(r.chance(0.5) ? `${d} ${'.'.repeat(r.int(3, 15))} ${price(r, l, 4, 25)}` : d);
  }
  lines.push(
    '',
    es
      ? r.pick([
          `Menú completo ${price(r, l, 11, 25)} (pan, bebida y postre incluidos)`,
          'IVA incluido',
          'Consulte alérgenos al personal',
        ])
      : r.pick([
          `Two courses ${price(r, l, 15, 30)}`,
          'Please tell us about any allergies',
          'A discretionary 12.5% service charge will be added',
        ]),
  );
  return lines;
};

const feeLetter: Maker = (r, l, p) => {
  const es = l.lang === 'es';
  const from = companyName(r, l, p);
  const to = personName(r, l.lang, p);
  const d = formatDate(r, randomDate(r), l, 5);
  return [
    from,
    ...address(r, l),
    '',
    to,
    ...address(r, l),
    '',
    es ? `${r.pick(l.cities)}, ${d}` : d,
    '',
    es
      ? `Asunto: ${r.pick(['Actualización de la renta', 'Revisión anual de cuotas', 'Recordatorio de pago pendiente'])}`
      : `Re: ${r.pick(['Annual rent review', 'Changes to your membership fee', 'Reminder: payment outstanding'])}`,
    '',
    es ? `Estimado/a ${to}:` : `Dear ${to},`,
    es
      ? r.pick([
          `Le comunicamos que, conforme al contrato, a partir del próximo mes la cuota mensual pasará de ${price(r, l, 300, 900)} a ${price(r, l, 310, 950)}.`,
          `Según nuestros registros, la factura de ${r.pick(['marzo', 'abril', 'mayo'])} por importe de ${price(r, l, 50, 900)} sigue pendiente. Le rogamos regularice el pago en los próximos días.`,
        ])
      : r.pick([
          `In line with your agreement, from next month your monthly fee will change from ${price(r, l, 300, 900)} to ${price(r, l, 310, 950)}.`,
          `Our records show that the ${r.pick(['March', 'April', 'May'])} invoice for ${price(r, l, 50, 900)} remains unpaid. Please arrange payment within 14 days.`,
        ]),
    es
      ? 'Si ya ha realizado el pago, ignore esta comunicación.'
      : 'If you have already paid, please ignore this letter.',
    '',
    es ? 'Atentamente,' : 'Yours sincerely,',
    personName(r, l.lang, p),
  ];
};

const ownersMinutes: Maker = (r, l, p) => {
  const es = l.lang === 'es';
  return es
    ? [
        r.pick([
          'ACTA DE LA JUNTA GENERAL ORDINARIA',
          'Acta de la reunión de la comunidad de propietarios',
          'ACTA DE ASAMBLEA',
        ]),
        `En ${r.pick(l.cities)}, a ${formatDate(r, randomDate(r), l, 5)}, se reúnen los propietarios bajo la presidencia de ${personName(r, 'es', p)}.`,
        'ORDEN DEL DÍA',
        '1. Aprobación del acta anterior.',
        `2. Cuentas del ejercicio: ingresos ${price(r, l, 5000, 30000)}, gastos ${price(r, l, 5000, 30000)}.`,
        `3. Presupuesto de ${r.pick(['pintura de fachada', 'reparación del ascensor', 'impermeabilización de la cubierta'])}.`,
        'ACUERDOS',
        `- Se aprueba la oferta de ${companyName(r, l, p)} por ${price(r, l, 1000, 9000)}.`,
        '- Se aprueban las cuentas por mayoría.',
        'Sin más asuntos que tratar, se levanta la sesión.',
      ]
    : [
        r.pick([
          'MINUTES OF THE ANNUAL GENERAL MEETING',
          'Residents association - meeting notes',
          'Board meeting minutes',
        ]),
        `Held on ${formatDate(r, randomDate(r), l, 5)}. Chair: ${personName(r, 'en', p)}.`,
        `1. Accounts for the year: income ${price(r, l, 5000, 30000)}, expenditure ${price(r, l, 5000, 30000)}.`,
        `2. The quote from ${companyName(r, l, p)} for ${price(r, l, 1000, 9000)} to repair the roof was approved.`,
        '3. Any other business: none.',
        'Meeting closed at 9.05 pm.',
      ];
};

export const OTHER_NOTICES: Maker[] = [
  flyer,
  flyer,
  newsletter,
  menu,
  feeLetter,
  feeLetter,
  ownersMinutes,
];
