import type { Locale } from './locales';
import type { Random } from './random';

/**
 * Names, ids and catalogues for synthetic documents. `pool` splits the vocabulary so the held-out
 * split uses vendors and people the training split never saw.
 */
export type Pool = 'train' | 'test';

const NAME_PARTS: Record<Pool, string[]> = {
  train: [
    'Acme',
    'Nova',
    'Atlas',
    'Iberia',
    'Sierra',
    'Delta',
    'Orion',
    'Vértice',
    'Cumbre',
    'Brisa',
    'Northwind',
    'Bluebird',
    'Granite',
    'Lumen',
    'Alba',
    'Costa',
    'Pinar',
    'Horizonte',
    'Summit',
    'Redwood',
    'Kestrel',
    'Andes',
    'Ébano',
    'Sol',
    'Quantum',
    'Meridian',
    'Cobalt',
    'Olivo',
    'Tierra',
    'Aurora',
  ],
  test: [
    'Zenith',
    'Harbor',
    'Mosaico',
    'Faro',
    'Cedro',
    'Pioneer',
    'Ámbar',
    'Vega',
    'Trident',
    'Maple',
    'Condor',
    'Nimbus',
    'Roble',
    'Sapphire',
    'Litoral',
    'Ridge',
    'Coral',
    'Ventura',
    'Helix',
    'Laguna',
  ],
};
const NAME_TRADES = {
  en: [
    'Consulting',
    'Logistics',
    'Software',
    'Supplies',
    'Engineering',
    'Foods',
    'Design Studio',
    'Print Works',
    'Legal Services',
    'Cleaning Co',
    'Electrical',
    'Media',
    'Analytics',
    'Hardware',
    'Catering',
    'Freight',
  ],
  es: [
    'Consultores',
    'Logística',
    'Sistemas',
    'Suministros',
    'Ingeniería',
    'Alimentación',
    'Estudio de Diseño',
    'Artes Gráficas',
    'Abogados',
    'Limpiezas',
    'Instalaciones Eléctricas',
    'Comunicación',
    'Distribuciones',
    'Ferretería',
    'Transportes',
    'Servicios Integrales',
  ],
};
const SUFFIX: Record<string, string[]> = {
  ES: ['S.L.', 'S.A.', 'SL', 'S.L.U.', 'S.Coop.'],
  CO: ['S.A.S.', 'SAS', 'S.A.', 'Ltda.'],
  EC: ['S.A.', 'Cía. Ltda.', 'CIA. LTDA.'],
  PE: ['S.A.C.', 'S.A.', 'E.I.R.L.', 'S.R.L.'],
  MX: ['S.A. de C.V.', 'S. de R.L. de C.V.'],
  CL: ['SpA', 'Ltda.', 'S.A.', 'LIMITADA', 'E.I.R.L.'],
  AR: ['S.R.L.', 'S.A.', 'S.A.S.', 'SRL'],
  US: ['Inc.', 'LLC', 'Corp.', 'Co.'],
  GB: ['Ltd', 'Limited', 'LLP', 'PLC'],
  IE: ['Ltd', 'Limited', 'DAC'],
  DE: ['GmbH', 'AG', 'GmbH & Co. KG'],
};

/** One word of a business name from the pool (`Zenith`, `Cumbre`…). */
export function namePart(r: Random, pool: Pool): string {
  return r.pick(NAME_PARTS[pool]);
}

/** The legal-form suffix a business of the country writes after its name. */
export function legalSuffix(r: Random, locale: Locale): string {
  return r.pick(SUFFIX[locale.country] ?? ['Ltd']);
}

export function companyName(r: Random, locale: Locale, pool: Pool): string {
  const part = r.pick(NAME_PARTS[pool]);
  const trade = r.pick(NAME_TRADES[locale.lang]);
  const suffix = r.pick(SUFFIX[locale.country] ?? ['Ltd']);
  const name = locale.lang === 'es' && r.chance(0.5) ? `${trade} ${part}` : `${part} ${trade}`;
  return r.chance(0.15) ? `${name} ${suffix}`.toUpperCase() : `${name} ${suffix}`;
}

const FIRST: Record<Pool, { en: string[]; es: string[] }> = {
  train: {
    en: [
      'James',
      'Emily',
      'Oliver',
      'Sophie',
      'Daniel',
      'Hannah',
      'Michael',
      'Grace',
      'Thomas',
      'Chloe',
    ],
    es: [
      'María',
      'José',
      'Lucía',
      'Javier',
      'Carmen',
      'Andrés',
      'Sofía',
      'Diego',
      'Elena',
      'Pablo',
    ],
  },
  test: {
    en: ['Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Mia'],
    es: ['Valentina', 'Mateo', 'Camila', 'Santiago', 'Ximena', 'Joaquín'],
  },
};
const LAST: Record<Pool, { en: string[]; es: string[] }> = {
  train: {
    en: [
      'Smith',
      'Taylor',
      'Brown',
      'Wilson',
      'Walker',
      'Wright',
      'Hughes',
      'Clarke',
      'Turner',
      'Parker',
    ],
    es: [
      'García',
      'Martínez',
      'López',
      'Sánchez',
      'Romero',
      'Navarro',
      'Torres',
      'Ramírez',
      'Castro',
      'Vargas',
    ],
  },
  test: {
    en: ['Bennett', 'Foster', 'Harper', 'Reed', 'Sullivan', 'Ward'],
    es: ['Quispe', 'Mendoza', 'Salazar', 'Herrera', 'Cárdenas', 'Ibáñez'],
  },
};

export function personName(r: Random, lang: 'en' | 'es', pool: Pool): string {
  const first = r.pick(FIRST[pool][lang]);
  const last = r.pick(LAST[pool][lang]);
  return lang === 'es' ? `${first} ${last} ${r.pick(LAST[pool].es)}` : `${first} ${last}`;
}

const STREETS = {
  en: [
    'High Street',
    'Station Road',
    'Main St',
    'Oak Avenue',
    'Market Square',
    'Park Lane',
    'Mill Road',
  ],
  es: [
    'Calle Mayor',
    'Avenida de la Constitución',
    'Calle Real',
    'Paseo de Gracia',
    'Av. Amazonas',
    'Carrera 7',
    'Jr. de la Unión',
    'Calle Alcalá',
  ],
};

export function address(r: Random, locale: Locale): string[] {
  const street = `${r.pick(STREETS[locale.lang])} ${r.int(1, 250)}`;
  const postcode =
    locale.country === 'GB'
      ? `${r.pick(['SW1A', 'M1', 'LS2', 'BS1', 'G1'])} ${r.int(1, 9)}${r.pick(['AA', 'QT', 'HB', 'XZ'])}`
      : String(r.int(10000, 99999));
  return [street, `${postcode} ${r.pick(locale.cities)}`];
}

const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

function cifControl(body: string): number {
  let sum = 0;
  body.split('').forEach((c, i) => {
    const d = Number(c);
    if (i % 2 === 1) sum += d;
    else sum += Math.floor((d * 2) / 10) + ((d * 2) % 10);
  });
  return (10 - (sum % 10)) % 10;
}

/** A tax id valid under the country's checksum (or a plausible one where no check exists). */
export function taxId(r: Random, locale: Locale, person = false): string {
  switch (locale.country) {
    case 'ES': {
      if (person) {
        const n = r.int(10_000_000, 99_999_999);
        return `${n}${'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}`;
      }
      const body = digits(r, 7);
      const letter = r.pick(['A', 'B', 'B', 'B']);
      return `${letter}${body}${cifControl(body)}`;
    }
    case 'CO': {
      const body = String(r.int(800_000_000, 901_999_999));
      const w = [3, 7, 13, 17, 19, 23, 29, 37, 41];
      const sum = body
        .split('')
        .reverse()
        .reduce((a, d, i) => a + Number(d) * w[i]!, 0);
      const rem = sum % 11;
      const dv = rem > 1 ? 11 - rem : rem;
      return r.chance(0.5)
        ? `${body}-${dv}`
        : `${body.slice(0, 3)}.${body.slice(3, 6)}.${body.slice(6)}-${dv}`;
    }
    case 'EC': {
      for (;;) {
        const d = [
          ...String(r.int(1, 24)).padStart(2, '0').split('').map(Number),
          9,
          ...digits(r, 6).split('').map(Number),
        ];
        const w = [4, 3, 2, 7, 6, 5, 4, 3, 2];
        const rem = w.reduce((a, x, i) => a + x * d[i]!, 0) % 11;
        const dv = rem === 0 ? 0 : 11 - rem;
        if (dv === 10) continue;
        return `${d.join('')}${dv}001`;
      }
    }
    case 'PE': {
      const body = `${person ? '10' : '20'}${digits(r, 8)}`;
      const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
      const sum = w.reduce((a, x, i) => a + x * Number(body[i]), 0);
      return `${body}${(11 - (sum % 11)) % 10}`;
    }
    case 'GB': {
      const body = digits(r, 7).split('').map(Number);
      const sum = body.reduce((a, d, i) => a + d * (8 - i), 0);
      let check = -sum % 97;
      while (check < 0) check += 97;
      return `GB${body.join('')}${String(check).padStart(2, '0')}`;
    }
    case 'DE': {
      const body = [r.int(1, 9), ...digits(r, 7).split('').map(Number)];
      let product = 10;
      for (const d of body) {
        let sum = (d + product) % 10;
        if (sum === 0) sum = 10;
        product = (2 * sum) % 11;
      }
      const check = (11 - product) % 10;
      return `DE${body.join('')}${check}`;
    }
    case 'IE':
      return `IE${digits(r, 7)}${r.pick(['A', 'B', 'C', 'W'])}`;
    case 'CL': {
      const body = r.int(person ? 8_000_000 : 76_000_000, person ? 25_999_999 : 78_999_999);
      let sum = 0;
      let m = 2;
      for (const d of String(body).split('').reverse()) {
        sum += Number(d) * m;
        m = m === 7 ? 2 : m + 1;
      }
      const dv = 11 - (sum % 11);
      const check = dv === 11 ? '0' : dv === 10 ? 'K' : String(dv);
      return `${String(body).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${check}`;
    }
    case 'AR': {
      for (;;) {
        const body = `${person ? r.pick(['20', '23', '27']) : r.pick(['30', '33'])}${digits(r, 8)}`;
        const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        const dv = 11 - (w.reduce((a, x, i) => a + x * Number(body[i]), 0) % 11);
        if (dv === 10) continue;
        return `${body.slice(0, 2)}-${body.slice(2)}-${dv === 11 ? 0 : dv}`;
      }
    }
    case 'MX':
      return `${r.pick(['ABC', 'GFM', 'TRA', 'SOL'])}${digits(r, 6)}${r.pick(['A1', 'H2', 'K9'])}${r.int(0, 9)}`;
    default:
      return `${r.int(10, 99)}-${digits(r, 7)}`;
  }
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const c of v) rem = (rem * 10 + Number(c)) % 97;
  }
  return rem;
}

/** A valid IBAN of the country (ES, GB, DE, IE…), printed in groups of four or not. */
export function iban(r: Random, country: string): string {
  const bban: Record<string, () => string> = {
    ES: () => digits(r, 20),
    DE: () => digits(r, 18),
    GB: () => `${r.pick(['NWBK', 'BARC', 'LOYD', 'HBUK'])}${digits(r, 14)}`,
    IE: () => `${r.pick(['AIBK', 'BOFI'])}${digits(r, 14)}`,
    FR: () => `${digits(r, 10)}${digits(r, 11)}${digits(r, 2)}`,
  };
  const c = bban[country] ? country : 'ES';
  const body = bban[c]!();
  const check = 98 - mod97(`${body}${c}00`);
  const full = `${c}${String(check).padStart(2, '0')}${body}`;
  return r.chance(0.6) ? full.replace(/(.{4})/g, '$1 ').trim() : full;
}

export const PRODUCTS = {
  en: [
    'Consulting services',
    'Software licence (annual)',
    'Web development',
    'Office chairs',
    'Printer toner cartridge',
    'Cloud hosting - monthly',
    'Technical support hours',
    'Graphic design',
    'Delivery charge',
    'Maintenance contract',
    'Laptop stand',
    'Training workshop',
    'Translation services',
    'A4 paper (box)',
    'Network switch 24p',
    'Project management',
    'Copywriting',
    'SEO audit',
    'USB-C cables',
    'Data migration',
  ],
  es: [
    'Servicios de consultoría',
    'Licencia de software anual',
    'Desarrollo web',
    'Sillas de oficina',
    'Cartucho de tóner',
    'Alojamiento en la nube (mensual)',
    'Horas de soporte técnico',
    'Diseño gráfico',
    'Portes',
    'Contrato de mantenimiento',
    'Soporte para portátil',
    'Taller de formación',
    'Servicios de traducción',
    'Papel A4 (caja)',
    'Switch de red 24 puertos',
    'Gestión de proyecto',
    'Redacción de contenidos',
    'Auditoría SEO',
    'Cables USB-C',
    'Migración de datos',
  ],
};

export const RETAIL_ITEMS = {
  en: [
    'COFFEE',
    'LATTE',
    'CROISSANT',
    'SANDWICH',
    'WATER 500ML',
    'MILK 1L',
    'BREAD',
    'APPLES KG',
    'PASTA',
    'PARKING',
    'UNLEADED 95',
    'NEWSPAPER',
    'CHOCOLATE',
    'SALAD',
    'ORANGE JUICE',
  ],
  es: [
    'CAFE CON LECHE',
    'CAÑA',
    'TOSTADA',
    'BOCADILLO',
    'AGUA 50CL',
    'LECHE ENTERA',
    'PAN BARRA',
    'MANZANAS KG',
    'MACARRONES',
    'APARCAMIENTO',
    'GASOLINA 95',
    'PERIODICO',
    'CHOCOLATE',
    'ENSALADA',
    'ZUMO NARANJA',
    'MENU DEL DIA',
  ],
};

export const BANKS = {
  ES: ['Banco Santander', 'BBVA', 'CaixaBank', 'Banco Sabadell', 'Bankinter', 'Unicaja Banco'],
  CO: ['Bancolombia', 'Banco de Bogotá', 'Davivienda', 'Banco de Occidente'],
  EC: ['Banco Pichincha', 'Banco Guayaquil', 'Produbanco', 'Banco del Pacífico'],
  PE: ['Banco de Crédito del Perú', 'Interbank', 'BBVA Perú', 'Scotiabank Perú'],
  MX: ['Banorte', 'BBVA México', 'Banco Azteca'],
  CL: ['Banco de Chile', 'BancoEstado', 'Banco Santander Chile', 'Scotiabank Chile'],
  AR: ['Banco de la Nación Argentina', 'Banco Galicia', 'Banco Macro', 'Banco Provincia'],
  US: ['First National Bank', 'Chase', 'Wells Fargo', 'Citizens Bank'],
  GB: ['Barclays', 'Lloyds Bank', 'NatWest', 'HSBC UK', 'Monzo Bank'],
  IE: ['AIB', 'Bank of Ireland', 'Permanent TSB'],
  DE: ['Deutsche Bank', 'Commerzbank', 'N26 Bank'],
} as Record<string, string[]>;
