import { namePart, type Pool } from './fake-data';
import type { Locale } from './locales';
import type { Random } from './random';
import { ITEMS } from './receipt-catalogue';

/** What sold the goods: it decides the merchant's name, the items and the extra lines. */
export type ReceiptKind = 'shop' | 'supermarket' | 'fuel' | 'restaurant' | 'pharmacy' | 'cafe';

export const RECEIPT_KINDS: ReceiptKind[] = [
  'shop',
  'supermarket',
  'supermarket',
  'fuel',
  'fuel',
  'restaurant',
  'restaurant',
  'pharmacy',
  'cafe',
];

type ByLanguage = { en: string[]; es: string[] };

/** Business names per kind; `{p}` is a word of the pool, so held-out merchants are unseen. */
const MERCHANT: Record<ReceiptKind, ByLanguage & Partial<Record<string, string[]>>> = {
  shop: {
    en: ['{p} STORES', '{p} Hardware', '{p} Books & Gifts', '{p} HOME & GARDEN', 'THE {p} SHOP'],
    es: ['FERRETERÍA {p}', 'LIBRERÍA {p}', 'BAZAR {p}', 'PAPELERÍA {p}', 'TIENDA {p}'],
  },
  supermarket: {
    en: ['{p} FOODS', '{p} SUPERSTORE', '{p} MARKET', '{p} Grocers', '{p} LOCAL'],
    es: ['SUPERMERCADO {p}', 'SUPERMERCADOS {p}', 'AUTOSERVICIO {p}', 'MERCADO {p}'],
    PE: ['MINIMARKET {p}', 'BODEGA {p}', 'MARKET {p} S.A.C.'],
    CL: ['MINIMARKET {p}', 'SUPERMERCADO {p} LTDA.', 'ALMACÉN {p}'],
    MX: ['ABARROTES {p}', 'MISCELÁNEA {p}', 'TIENDA DE CONVENIENCIA {p}'],
    AR: ['AUTOSERVICIO {p}', 'KIOSCO {p}', 'SUPERMERCADO {p} S.R.L.'],
    CO: ['SUPERMERCADO {p}', 'MERCAMÁS {p}', 'TIENDA {p}'],
  },
  fuel: {
    en: ['{p} SERVICE STATION', '{p} FUEL', '{p} GAS & GO', '{p} PETROL', '{p} TRUCK STOP'],
    es: ['ESTACIÓN DE SERVICIO {p}', 'E.S. {p}', 'GASOLINERA {p}'],
    PE: ['GRIFO {p} S.A.C.', 'ESTACIÓN DE SERVICIOS {p}', 'GRIFO {p}'],
    CL: ['SERVICENTRO {p}', 'ESTACIÓN DE SERVICIO {p} SpA'],
    MX: ['GASOLINERA {p}', 'SERVICIO {p} S.A. DE C.V.', 'ESTACIÓN {p}'],
    AR: ['ESTACIÓN DE SERVICIO {p}', 'SERVICOMPRAS {p}'],
    CO: ['EDS {p}', 'ESTACIÓN DE SERVICIO {p}', 'BOMBA {p}'],
  },
  restaurant: {
    en: ['{p} GRILL', 'THE {p} ARMS', '{p} DINER', '{p} Kitchen & Bar', '{p} TAVERN', '{p} BISTRO'],
    es: ['RESTAURANTE {p}', 'MESÓN {p}', 'BAR {p}', 'CERVECERÍA {p}', 'ASADOR {p}'],
    PE: ['CEVICHERÍA {p}', 'POLLERÍA {p}', 'RESTAURANTE {p} E.I.R.L.', 'CHIFA {p}'],
    CL: ['FUENTE DE SODA {p}', 'RESTAURANTE {p}', 'PICADA {p}'],
    MX: ['TAQUERÍA {p}', 'RESTAURANTE {p}', 'FONDA {p}', 'CANTINA {p}'],
    AR: ['PARRILLA {p}', 'BODEGÓN {p}', 'PIZZERÍA {p}', 'RESTÓ {p}'],
    CO: ['ASADERO {p}', 'RESTAURANTE {p}', 'CORRIENTAZO {p}'],
  },
  pharmacy: {
    en: ['{p} PHARMACY', '{p} Chemist', '{p} DRUG STORE', '{p} Health'],
    es: ['FARMACIA {p}', 'FARMACIA LDA. {p}'],
    PE: ['BOTICA {p}', 'FARMACIA {p} S.A.C.', 'BOTICAS {p}'],
    CO: ['DROGUERÍA {p}', 'DROGUERÍA {p} S.A.S.'],
  },
  cafe: {
    en: ['{p} COFFEE', '{p} Cafe', '{p} BAKERY', '{p} Espresso Bar'],
    es: ['CAFETERÍA {p}', 'CAFÉ {p}', 'PANADERÍA {p}', 'CONFITERÍA {p}', 'PASTELERÍA {p}'],
  },
};

export function merchantName(r: Random, kind: ReceiptKind, locale: Locale, pool: Pool): string {
  const names = MERCHANT[kind][locale.country] ?? MERCHANT[kind][locale.lang];
  const part = namePart(r, pool);
  const name = r.pick(names).replace('{p}', part);
  return r.chance(0.7) ? name.toUpperCase() : name;
}

export interface SoldItem {
  name: string;
  qty: number;
  /** Unit of the quantity when it is measured (litres, gallons, kilos). */
  measure?: 'L' | 'gal' | 'kg';
  unitPrice: number;
  amount: number;
}

const FUEL: ByLanguage & Record<string, string[]> = {
  en: ['UNLEADED', 'SUPER UNLEADED', 'DIESEL', 'PREMIUM DIESEL', 'REGULAR 87', 'PLUS 89'],
  es: ['GASOLINA 95', 'GASOLINA 98', 'GASOLEO A', 'DIESEL E+'],
  PE: ['GASOHOL 90', 'GASOHOL 95', 'DIESEL B5 S-50', 'GLP'],
  MX: ['MAGNA', 'PREMIUM', 'DIESEL'],
  CL: ['GASOLINA 93', 'GASOLINA 95', 'PETROLEO DIESEL'],
  AR: ['NAFTA SUPER', 'NAFTA PREMIUM', 'GASOIL GRADO 2'],
  CO: ['CORRIENTE', 'EXTRA', 'ACPM'],
};
const GALLONS = new Set(['US', 'PE', 'CO', 'EC']);

/** The items of one receipt, priced in the locale's money (`round` keeps the arithmetic exact). */
export function soldItems(
  r: Random,
  kind: ReceiptKind,
  locale: Locale,
  round: (v: number) => number,
  factor: number,
): SoldItem[] {
  if (kind === 'fuel') {
    const measure = GALLONS.has(locale.country) ? 'gal' : 'L';
    const qty =
      Math.round(r.money(measure === 'gal' ? 5 : 18, measure === 'gal' ? 16 : 62) * 100) / 100;
    const unitPrice =
      Math.round(r.money(1.2, 1.9) * factor * (measure === 'gal' ? 3.78 : 1) * 1000) / 1000;
    const items: SoldItem[] = [
      {
        name: r.pick(FUEL[locale.country] ?? FUEL[locale.lang]),
        qty,
        measure,
        unitPrice,
        amount: round(qty * unitPrice),
      },
    ];
    if (r.chance(0.25)) {
      const extra = r.pick(
        locale.lang === 'es'
          ? ['LAVADO EXPRESS', 'AGUA 50CL', 'CAFE MAQUINA']
          : ['CAR WASH', 'SCREENWASH 5L', 'COFFEE'],
      );
      const price = round(r.money(1.5, 9) * factor);
      items.push({ name: extra, qty: 1, unitPrice: price, amount: price });
    }
    return items;
  }
  const catalogue = ITEMS[kind][locale.country] ?? ITEMS[kind][locale.lang]!;
  const count =
    kind === 'supermarket' ? r.int(3, 14) : kind === 'restaurant' ? r.int(2, 7) : r.int(1, 5);
  return Array.from({ length: count }, () => {
    const [name, price] = r.pick(catalogue);
    const unitPrice = round(price * factor * r.money(0.85, 1.2));
    const byWeight = kind === 'supermarket' && /KG|LOOSE/.test(name) && r.chance(0.6);
    const qty = byWeight
      ? Math.round(r.money(0.3, 2.5) * 1000) / 1000
      : r.int(1, kind === 'restaurant' ? 4 : 3);
    return {
      name,
      qty,
      ...(byWeight ? { measure: 'kg' as const } : {}),
      unitPrice,
      amount: round(qty * unitPrice),
    };
  });
}

/** Lines only some kinds print: pump, table and covers, cashier, loyalty card. */
export function kindDetails(r: Random, kind: ReceiptKind, lang: 'en' | 'es'): string[] {
  const es = lang === 'es';
  switch (kind) {
    case 'fuel':
      return [
        es
          ? `${r.pick(['Surtidor', 'Manguera', 'Bomba', 'Isla', 'Dispensador'])}: ${r.int(1, 12)}`
          : `${r.pick(['Pump', 'PUMP', 'Pump No.'])} ${String(r.int(1, 16)).padStart(2, '0')}`,
      ];
    case 'restaurant': {
      const table = es
        ? `${r.pick(['Mesa', 'MESA', 'Mesa Nº'])}: ${r.int(1, 40)}`
        : `${r.pick(['Table', 'TABLE', 'Tbl'])} ${r.int(1, 40)}`;
      const guests = es
        ? `${r.pick(['Comensales', 'Pax', 'Personas', 'Cubiertos'])}: ${r.int(1, 8)}`
        : `${r.pick(['Guests', 'Covers', 'Party of'])}: ${r.int(1, 8)}`;
      const staff = es
        ? `${r.pick(['Camarero', 'Mozo', 'Mesero', 'Atendió', 'Garzón'])}: ${r.pick(['ANA', 'LUIS', 'MARTA', 'JORGE', 'PACO', 'DIANA'])}`
        : `${r.pick(['Server', 'SERVER', 'Your server was'])}: ${r.pick(['Jess', 'Mike', 'Tanya', 'Luis', 'Aaron'])}`;
      return r.shuffle([table, guests, staff]).slice(0, r.int(1, 3));
    }
    case 'supermarket':
      return r.chance(0.5)
        ? [
            es
              ? `${r.pick(['Caja', 'CAJA', 'Terminal'])} ${r.int(1, 20)}  ${r.pick(['Cajero', 'Le atendió', 'Operador'])}: ${r.int(100, 999)}`
              : `${r.pick(['Till', 'Lane', 'Reg'])} ${r.int(1, 20)}  ${r.pick(['Cashier', 'Op'])} ${r.int(100, 999)}`,
          ]
        : [];
    default:
      return [];
  }
}

/** Closing lines of the kind: savings, points, tips, pump and vehicle notes. */
export function kindFooter(
  r: Random,
  kind: ReceiptKind,
  lang: 'en' | 'es',
  money: (v: number) => string,
): string[] {
  const es = lang === 'es';
  if (kind === 'supermarket' && r.chance(0.5))
    return [
      es
        ? r.pick([
            `Ahorro con su tarjeta: ${money(r.money(0.2, 6))}`,
            `Puntos acumulados: ${r.int(5, 400)}`,
            'Tarjeta cliente: ****' + r.int(1000, 9999),
          ])
        : r.pick([
            `You saved ${money(r.money(0.2, 6))} today`,
            `Points earned: ${r.int(5, 400)}`,
            'Clubcard ****' + r.int(1000, 9999),
          ]),
    ];
  if (kind === 'restaurant' && r.chance(0.5))
    return es
      ? [r.pick(['Propina no incluida', 'La propina es voluntaria', 'Servicio no incluido'])]
      : [r.pick(['Gratuity not included', 'Tip: ____________', 'Service charge not included'])];
  if (kind === 'fuel' && r.chance(0.4))
    return [
      es
        ? `Matrícula: ${r.int(1000, 9999)} ${r.pick(['BCD', 'KLM', 'XYZ'])}`
        : `Vehicle reg: ${r.pick(['AB12', 'YK70', 'LD19'])} ${r.pick(['CDE', 'XYZ', 'KLM'])}`,
    ];
  return [];
}
