import { field, file, upload } from './multipart';
import type { RawRequest } from './raw-http';

/** The parts of docs/openapi.json the cases are derived from. */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
}
interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface Keys {
  tenant: string;
  admin: string;
}

/** One malformed request made from the API's own description. */
export interface SpecCase {
  route: string;
  what: string;
  request: RawRequest;
}

const UUID = '4d8e2b61-7a3c-4f0e-9b15-c2a6e9d04f71';
const OPERATOR = '{"$gt":""}';
const HUGE = 'x'.repeat(100_000);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Routes of the operator (the admin key); every other `/v1/` route takes a tenant key. */
const ADMIN_PREFIXES = ['/v1/tenants', '/v1/keys', '/v1/dead-letters', '/v1/jobs'];

/**
 * A well-formed body of each JSON operation, so that one added key or one changed value is the
 * only thing wrong with a case. An operation of the document missing here fails the suite.
 */
export const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /v1/documents/{id}/cancel': { reason: 'not needed' },
  'POST /v1/documents/{id}/review': { docType: 'invoice' },
  'POST /v1/jobs/{name}/runs': {},
  'POST /v1/tenants': { name: 'Valid Ltd' },
  'POST /v1/tenants/{id}/keys': { label: 'second' },
  'POST /v1/webhooks': { url: 'https://example.com/hook' },
  'PATCH /v1/webhooks/{id}': { active: false },
};

/** A value a parameter accepts, so the other parameters of a path are not what fails. */
function sample(schema: JsonSchema | undefined): string {
  if (schema?.enum) return String(schema.enum[0]);
  if (schema?.format === 'uuid') return UUID;
  const hex = schema?.pattern && /^\^\[a-f0-9\]\{(\d+)\}\$$/.exec(schema.pattern);
  if (hex) return 'a'.repeat(Number(hex[1]));
  return 'sample';
}

const withQuery = (path: string, pairs: [string, string][]) =>
  pairs.length === 0
    ? path
    : `${path}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;

/** Every malformed request the document's routes must refuse, route by route. */
export function specCases(spec: OpenApiDocument, keys: Keys): SpecCase[] {
  const cases: SpecCase[] = [];
  for (const [template, operations] of Object.entries(spec.paths)) {
    for (const method of METHODS.filter((m) => !(m in operations))) {
      const params = Object.values(operations)[0]?.parameters ?? [];
      cases.push({
        route: `${method.toUpperCase()} ${template}`,
        what: 'a method the path does not have',
        request: request(method, fill(template, params), keyFor(template, keys)),
      });
    }
    for (const [method, operation] of Object.entries(operations)) {
      cases.push(...operationCases(template, method, operation, keys));
    }
  }
  return cases;
}

function operationCases(
  template: string,
  method: string,
  operation: Operation,
  keys: Keys,
): SpecCase[] {
  const route = `${method.toUpperCase()} ${template}`;
  const key = keyFor(template, keys);
  const params = operation.parameters ?? [];
  const path = fill(template, params);
  const query = params.filter((p) => p.in === 'query');
  const content = operation.requestBody?.content ?? {};
  const json = 'application/json' in content;
  const multipart = 'multipart/form-data' in content;
  const body = json ? JSON.stringify(VALID_BODIES[route] ?? {}) : undefined;
  const base = (target: string, extra: Partial<RawRequest> = {}): RawRequest => ({
    ...request(method, target, key),
    ...(body !== undefined
      ? { headers: [bearer(key), ['content-type', 'application/json']], body }
      : {}),
    ...extra,
  });
  const cases: SpecCase[] = [];
  const add = (what: string, req: RawRequest) => cases.push({ route, what, request: req });

  // query strings
  add('an unknown query parameter ($where)', base(withQuery(path, [['$where', 'sleep(1000)']])));
  add('a bracketed operator query key', base(`${path}?${encodeURIComponent('x[$ne]')}=1`));
  for (const q of query) {
    add(`${q.name} as an operator object`, base(withQuery(path, [[q.name, OPERATOR]])));
    add(
      `${q.name} given twice`,
      base(
        withQuery(path, [
          [q.name, sample(q.schema)],
          [q.name, sample(q.schema)],
        ]),
      ),
    );
    add(`${q.name} of 4 000 characters`, base(withQuery(path, [[q.name, 'x'.repeat(4000)]])));
  }

  // path parameters
  for (const p of params.filter((x) => x.in === 'path')) {
    const at = (value: string) => fill(template, params, { [p.name]: encodeURIComponent(value) });
    add(`{${p.name}} that is not what it names`, base(at('not-a-uuid')));
    add(`{${p.name}} as an operator object`, base(at(OPERATOR)));
    add(`{${p.name}} of 300 characters`, base(at('9'.repeat(300))));
  }

  // JSON bodies
  if (json) {
    const valid = VALID_BODIES[route];
    const send = (what: string, text: string, type = 'application/json') =>
      add(what, {
        ...request(method, path, key),
        headers: [bearer(key), ['content-type', type]],
        body: text,
      });
    send('the body as text/plain', JSON.stringify(valid), 'text/plain');
    send('a urlencoded body', 'a=1', 'application/x-www-form-urlencoded');
    send('a body that is not JSON', '{"oops":');
    send('a JSON array body', '[]');
    send('a JSON string body', '"x"');
    send('an unknown field', JSON.stringify({ ...valid, unknownField: 1 }));
    send('a $where key', JSON.stringify({ ...valid, $where: 'sleep(1000)' }));
    send('a dotted key', JSON.stringify({ ...valid, 'a.b': 1 }));
    const properties = content['application/json']?.schema?.properties ?? {};
    for (const name of Object.keys(properties)) {
      send(`${name} as an operator object`, JSON.stringify({ ...valid, [name]: { $gt: '' } }));
      send(`${name} of the wrong type`, JSON.stringify({ ...valid, [name]: [[1]] }));
      send(`${name} of 100 000 characters`, JSON.stringify({ ...valid, [name]: HUGE }));
    }
  } else if (!multipart && method !== 'get') {
    add('a JSON body it does not take', {
      ...request(method, path, key),
      headers: [bearer(key), ['content-type', 'application/json']],
      body: '{"$where":"sleep(1000)"}',
    });
    add('a text/plain body', {
      ...request(method, path, key),
      headers: [bearer(key), ['content-type', 'text/plain']],
      body: 'hello',
    });
  }

  // multipart uploads
  if (multipart) {
    const up = (what: string, parts: Parameters<typeof upload>[1], contentType?: string) =>
      add(what, upload(key, parts, { path, ...(contentType ? { contentType } : {}) }));
    up('metadata with a $where key', [field('metadata', '{"$where":"1"}'), file('a.pdf')]);
    up('metadata with an operator value', [
      field('metadata', `{"ref":${OPERATOR}}`),
      file('a.pdf'),
    ]);
    up('metadata with a dotted key', [field('metadata', '{"a.b":1}'), file('a.pdf')]);
    up('metadata with a nested $ key after the file', [
      file('a.pdf'),
      field('metadata', '{"a":[{"$set":1}]}'),
    ]);
    up('metadata of the wrong type', [field('metadata', '[1]'), file('a.pdf')]);
    up('metadata of 100 000 characters', [
      field('metadata', JSON.stringify({ x: HUGE })),
      file('a.pdf'),
    ]);
    up('an unknown field', [file('a.pdf'), field('$where', '1')]);
    up('the body as application/json', [file('a.pdf')], 'application/json');
    up('the body as text/plain', [file('a.pdf')], 'text/plain');
    up('multipart without its boundary', [file('a.pdf')], 'multipart/form-data');
    add('a JSON body', {
      ...request(method, path, key),
      headers: [bearer(key), ['content-type', 'application/json']],
      body: JSON.stringify({ file: 'x', $where: '1' }),
    });
  }
  return cases;
}

const bearer = (key: string): [string, string] => ['authorization', `Bearer ${key}`];

function request(method: string, path: string, key: string): RawRequest {
  return { method: method.toUpperCase(), path, headers: [bearer(key)] };
}

function keyFor(template: string, keys: Keys): string {
  return ADMIN_PREFIXES.some((p) => template.startsWith(p)) ? keys.admin : keys.tenant;
}

function fill(
  template: string,
  params: Parameter[],
  override: Record<string, string> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name in override) return override[name]!;
    return encodeURIComponent(sample(params.find((p) => p.name === name)?.schema));
  });
}
