import { MAX_LOAD_CONNECTIONS, type OfferedLoad } from './pipeline/upload-load';

export const SCENARIOS = ['hop', 'e2e', 'pinned', 'upload', 'ocr', 'einvoice'] as const;
export type Scenario = (typeof SCENARIOS)[number] | 'celery';

export interface BenchArgs {
  /** Scenarios to run, in order. */
  scenarios: Scenario[];
  /** Set when one `--<scenario>-only` flag chose them (names the results file). */
  only?: Scenario;
  n: number;
  reps: number;
  docs: number;
  replicas: number;
  rates: OfferedLoad[];
  celery: boolean;
  /** The store on a core of its own, everything else on the others (`pin-store.ts`). */
  pinStore: boolean;
  antivirus: 'on' | 'off' | 'auto';
  seconds: number;
  pages: number;
  help: boolean;
}

export const HELP = `npm run bench [-- options]

Benchmarks, each against a fresh vhost and database. Without an --*-only flag every scenario
runs (about 11 minutes on 2 cores): hop, e2e (with its store ceiling, broker limit and the
Celery anchor), pinned, upload, ocr, einvoice. Writes bench/results/<date>.json and <date>.md (<date>-<scenario>
for an --*-only run) and prints the tables. How to read them: docs/benchmarks.md.

Scenarios
  --hop-only          one runtime hop (a) broker limit (b) runtime (c) raw ceiling
  --e2e-only          text documents through the whole pipeline at each offered load; in the same
                      run the store ceiling (the pipeline's database calls, raw), the broker limit
                      (same message size) and the Celery + Redis anchor (same document count)
  --pinned-only       docflow at max load against its store ceiling with the store on a core of its
                      own in both runs (as --e2e-only --pin-store --rates max)
  --celery-only       only the Celery + Redis anchor (../shared/anchors/celery)
  --upload-only       gateway uploads over HTTP (autocannon)
  --ocr-only          the OCR stage against the tesseract CLI
  --einvoice-only     Factur-X PDFs (read from their XML) against the same pages as text-layer
                      PDFs, through the whole pipeline at max load (--docs, --reps, --replicas)

Options
  --reps N            repetitions; medians are reported (default 3)
  --n N               messages per hop run (default 2000)
  --docs N            documents per end-to-end and Celery run (default 200)
  --replicas N        processes per service in the end-to-end runs (default 1)
  --rates LIST        offered loads in documents/s, "max" = ${MAX_LOAD_CONNECTIONS} uploaders flat out
                      (default 5,10,20,max; bounded loads run once, max runs --reps times)
  --no-celery         leave the Celery anchor out of the end-to-end scenario
  --pin-store         the store (FerretDB + PostgreSQL, or mongod) on the last core, the services,
                      broker, clamd and the bench on the others, as with a store of its own
                      (Linux taskset; implies --no-celery: the anchor's comparison needs every core)
  --antivirus MODE    on | off | auto: clamd in the scanner (auto = on when CLAMD_URL answers)
  --seconds N         seconds per upload run (default 10)
  --pages N           pages per OCR run (default 16)
  --help              this text
`;

const VALUE_FLAGS = new Set([
  'n',
  'reps',
  'docs',
  'replicas',
  'rates',
  'antivirus',
  'seconds',
  'pages',
]);

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} needs a positive integer, got "${value}"`);
  return n;
}

function parseRates(value: string): OfferedLoad[] {
  return value.split(',').map((part) => {
    if (part.trim() === 'max') return 'max';
    const rate = Number(part);
    if (!(rate > 0)) throw new Error(`--rates: "${part}" is neither a positive rate nor "max"`);
    return rate;
  });
}

/** Parses the command line; an unknown flag or a bad value is an error. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (see --help)`);
    if (VALUE_FLAGS.has(name)) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      values.set(name, value);
    } else flags.add(name);
  }
  const onlyFlags = [...flags].filter((f) => f.endsWith('-only'));
  for (const flag of flags)
    if (!['help', 'no-celery', 'pin-store', ...onlyFlags].includes(flag))
      throw new Error(`unknown option --${flag}`);
  if (onlyFlags.length > 1)
    throw new Error(`choose one of ${onlyFlags.map((f) => `--${f}`).join(', ')}`);
  const only = onlyFlags[0]?.replace(/-only$/, '') as Scenario | undefined;
  if (only && only !== 'celery' && !(SCENARIOS as readonly string[]).includes(only))
    throw new Error(`unknown option --${only}-only`);
  const antivirus = values.get('antivirus') ?? 'auto';
  if (!['on', 'off', 'auto'].includes(antivirus)) throw new Error('--antivirus: on, off or auto');
  const get = (name: string, fallback: number) =>
    values.has(name) ? positive(name, values.get(name)!) : fallback;
  const pinStore = flags.has('pin-store');
  if (pinStore && only === 'pinned') throw new Error('--pinned-only pins the store already');
  return {
    // with --pin-store every scenario already has the store on a core of its own
    scenarios: only ? [only] : SCENARIOS.filter((s) => !(pinStore && s === 'pinned')),
    ...(only ? { only } : {}),
    n: get('n', 2000),
    reps: get('reps', 3),
    docs: get('docs', 200),
    replicas: get('replicas', 1),
    rates: parseRates(values.get('rates') ?? '5,10,20,max'),
    celery: !flags.has('no-celery') && !pinStore,
    pinStore,
    antivirus: antivirus as BenchArgs['antivirus'],
    seconds: get('seconds', 10),
    pages: get('pages', 16),
    help: flags.has('help'),
  };
}
