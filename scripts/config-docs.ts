// Writes docs/configuration.md, the configuration reference: every environment variable the
// services read, with its default and description, taken from their zod schemas at run time
// (`npm run docs:config`). packages/deploy-checks/test/unit/config-docs.test.ts fails when the
// file is stale. Importing this module has no side effects; only running it writes the file.
import { isDeepStrictEqual } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ConfigError, parseConfig, runtimeConfigSchema } from '@docflow/platform';
import { classifierConfigSchema } from '../services/classifier/src/config';
import { gatewayConfigSchema } from '../services/gateway/src/config';
import { ocrConfigSchema } from '../services/ocr/src/config';
import { publisherConfigSchema } from '../services/publisher/src/config';
import { scannerConfigSchema } from '../services/scanner/src/config';
import { schedulerConfigSchema } from '../services/scheduler/src/config';

export const CONFIG_DOC = 'docs/configuration.md';
export const REPO_ROOT = resolve(__dirname, '..');

/** Each service's schema (`services/<name>/src/config.ts`), in pipeline order. */
export const serviceConfigSchemas: Record<string, z.ZodObject> = {
  gateway: gatewayConfigSchema,
  scanner: scannerConfigSchema,
  ocr: ocrConfigSchema,
  classifier: classifierConfigSchema,
  publisher: publisherConfigSchema,
  scheduler: schedulerConfigSchema,
};

/**
 * Metadata key for a default that depends on the machine (e.g. the number of cores): the text
 * shown instead of the value, so the reference is the same everywhere. Set it on the field with
 * `.meta({ shownDefault: '…' })`.
 */
export const SHOWN_DEFAULT = 'shownDefault';

type Schema = z.core.$ZodType;

/** The schema a wrapper adds a default, optionality, a transform… to; undefined for a leaf. */
function inner(schema: Schema): Schema | undefined {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodCatch
  )
    return schema._zod.def.innerType;
  if (schema instanceof z.ZodPipe) return schema._zod.def.in;
  return undefined;
}

/** The field and every schema it wraps, outermost first. */
function layers(field: Schema): Schema[] {
  const all: Schema[] = [];
  for (let s: Schema | undefined = field; s; s = inner(s)) all.push(s);
  return all;
}

/** The first metadata value under `key`, looking through wrappers (`.describe()` then `.optional()` keeps it inside). */
function metaOf(field: Schema, key: string): unknown {
  for (const layer of layers(field)) {
    const value = z.globalRegistry.get(layer)?.[key];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** The values of an enum field (not of one transformed into something else, like env.bool). */
function enumValues(field: Schema): string[] | undefined {
  for (let s: Schema | undefined = field; s; s = s instanceof z.ZodPipe ? undefined : inner(s)) {
    if (s instanceof z.ZodEnum) return s.options.map(String);
  }
  return undefined;
}

/** The string a variable would hold to produce `value`, when that is how the field parses it. */
function envFormsOf(field: Schema, value: unknown): string[] {
  const forms: string[] = [];
  for (const layer of layers(field)) {
    if (layer instanceof z.ZodDefault || layer instanceof z.ZodPrefault) {
      const raw: unknown = layer._zod.def.defaultValue;
      if (typeof raw === 'string') forms.push(raw);
    }
  }
  const primitive = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  if (primitive(value)) forms.push(String(value));
  else if (Array.isArray(value) && value.every(primitive)) forms.push(value.join(','));
  else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.every(([, v]) => primitive(v)))
      forms.push(entries.map(([k, v]) => `${k}=${String(v)}`).join(','));
  }
  return forms.filter((raw) => {
    const parsed = z.safeParse(field, raw);
    return parsed.success && isDeepStrictEqual(parsed.data, value);
  });
}

const DURATIONS: [string, number][] = [
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
];
const SIZES: [string, number][] = [
  ['MiB', 1024 * 1024],
  ['KiB', 1024],
];

/** `600000 (10 min)` for *_MS, `52428800 (50 MiB)` for *_BYTES: the unit is in the name. */
function numberText(name: string, value: number): string {
  const units = name.endsWith('_MS') ? DURATIONS : name.endsWith('_BYTES') ? SIZES : [];
  const unit = units.find(([, size]) => value >= size && value % size === 0);
  return unit ? `${value} (${value / unit[1]} ${unit[0]})` : String(value);
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A path inside the checkout is shown from `<root>`, so the reference is the same everywhere. */
function stringText(value: string, root: string): string {
  if (value === root || value.startsWith(root + sep))
    return code(
      `<root>/${value
        .slice(root.length + 1)
        .split(sep)
        .join('/')}`,
    );
  return code(value);
}

/** What an unset variable means: the parsed default, `required` or `unset` (optional). */
export function defaultText(name: string, field: Schema, root = REPO_ROOT): string {
  const shown = metaOf(field, SHOWN_DEFAULT);
  if (typeof shown === 'string') return shown;
  const parsed = z.safeParse(field, undefined);
  if (!parsed.success) return 'required';
  const value: unknown = parsed.data;
  if (value === undefined) return 'unset';
  const raw = envFormsOf(field, value)[0];
  if (raw === '') return 'empty';
  if (typeof value === 'number') return numberText(name, value);
  if (typeof value === 'boolean') return String(value);
  if (raw !== undefined) return stringText(raw, root);
  if (Array.isArray(value) && value.length === 0) return 'empty';
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0)
    return 'empty';
  return `${code(JSON.stringify(value))} (parsed value)`;
}

export interface SettingRow {
  name: string;
  default: string;
  description: string;
  /** A setting every service has, with this service's own default or meaning. */
  override: boolean;
}

/** Fields without a description, named `<section>: <VARIABLE>`, collected before failing. */
export class UndocumentedSettingsError extends Error {
  constructor(readonly fields: string[]) {
    super(
      `settings without a description (add .describe('…') in their config.ts):\n${fields.map((f) => `  - ${f}`).join('\n')}`,
    );
    this.name = 'UndocumentedSettingsError';
  }
}

function rowsOf(
  section: string,
  schema: z.ZodObject,
  common: z.ZodObject | undefined,
  undocumented: string[],
  root: string,
): SettingRow[] {
  const rows: SettingRow[] = [];
  for (const [name, field] of Object.entries(schema.shape) as [string, Schema][]) {
    const inherited = common?.shape[name];
    if (inherited === field) continue;
    const description = metaOf(field, 'description');
    if (typeof description !== 'string' || description.trim() === '') {
      undocumented.push(`${section}: ${name}`);
      continue;
    }
    const values = enumValues(field);
    rows.push({
      name,
      default: defaultText(name, field, root),
      description: values ? `${description} Values: ${values.map(code).join(', ')}.` : description,
      override: inherited !== undefined,
    });
  }
  return rows;
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function table(rows: SettingRow[]): string[] {
  return [
    '| variable | default | description |',
    '| --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${code(row.name)}${row.override ? ' (override)' : ''} | ${cell(row.default)} | ${cell(row.description)} |`,
    ),
  ];
}

/** The message a service prints for a bad value, produced by the real parser. */
function exampleError(): string {
  try {
    parseConfig(runtimeConfigSchema, { HTTP_PORT: 'eighty' });
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('config-docs: HTTP_PORT=eighty was accepted');
}

/**
 * The configuration reference as markdown: the settings every service reads, then per service
 * the ones it adds or overrides. Throws UndocumentedSettingsError when a field has no description.
 */
export function renderConfigReference(
  services: Record<string, z.ZodObject> = serviceConfigSchemas,
  common: z.ZodObject = runtimeConfigSchema,
  root: string = REPO_ROOT,
): string {
  const undocumented: string[] = [];
  const commonRows = rowsOf('every service', common, undefined, undocumented, root);
  const sections = Object.entries(services).map(([name, schema]) => {
    const missing = Object.keys(common.shape).filter((key) => !(key in schema.shape));
    if (missing.length > 0)
      throw new Error(
        `config-docs: ${name} does not read ${missing.join(', ')}: its schema should extend runtimeConfigSchema`,
      );
    return { name, rows: rowsOf(name, schema, common, undocumented, root) };
  });
  if (undocumented.length > 0) throw new UndocumentedSettingsError(undocumented);

  const lines = [
    '# Configuration',
    '',
    '<!-- Generated by `npm run docs:config` (scripts/config-docs.ts) from the zod schemas; do not edit. -->',
    '',
    'Every service is configured through environment variables only. It reads them once, at start,',
    'and validates them with its zod schema (`packages/platform/src/config/runtime-config.ts` for the',
    'settings every service has, `services/<name>/src/config.ts` for its own). A bad value stops the',
    'service before it connects to anything, with a message that names the variable, e.g. for',
    '`HTTP_PORT=eighty`:',
    '',
    '```text',
    exampleError(),
    '```',
    '',
    '- An empty value (`NAME=`) counts as unset: the default applies.',
    '- Units are in the names: `_MS` milliseconds, `_BYTES` bytes, `_DAYS` days.',
    '- Booleans accept `true`/`false`, `1`/`0`, `yes`/`no`; lists are comma-separated.',
    '- Default *required*: the service does not start without it; *unset*: optional, nothing is',
    '  assumed; *empty*: nothing (an empty list, no overrides); `<root>`: the directory docflow is',
    '  installed in (the checkout; `/app` in the image).',
    '- `docker-compose.yml` and `deploy/k8s/base/config.yaml` set a few of these (addresses,',
    '  scaling; secrets come from `.env` or the Secret `docflow-secrets`, and placeholders are',
    '  refused: [security.md](security.md)); every other setting takes the default listed here.',
    '',
    `Sections: [Every service](#every-service), ${Object.keys(services)
      .map((name) => `[${name}](#${name})`)
      .join(', ')}.`,
    '',
    '## Every service',
    '',
    ...table(commonRows),
    '',
  ];
  for (const { name, rows } of sections) {
    const intro = `\`services/${name}/src/config.ts\`: the settings of every service, plus these.`;
    lines.push(
      `## ${name}`,
      '',
      rows.some((row) => row.override)
        ? `${intro} A name marked *(override)* is also under Every service; here, this row replaces that one.`
        : intro,
      '',
      ...(rows.length > 0 ? table(rows) : ['No settings of its own.']),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  const target = resolve(process.argv[2] ?? join(REPO_ROOT, CONFIG_DOC));
  try {
    writeFileSync(target, renderConfigReference());
    process.stdout.write(`wrote ${target}\n`);
  } catch (err) {
    process.stderr.write(`config-docs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
