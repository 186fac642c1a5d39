import { queuesOf } from '@docflow/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { weakSecretReason, weakUrlPasswordReason } from '@docflow/platform';
import { ensureTool, parseYamlDocuments, repoPath } from '../../src';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
}
interface Result {
  apiVersion: string;
  kind: string;
  name: string;
  /** The npm package whose schema validated it, `minimal` (packages/deploy-checks/schemas) or false. */
  schema: string | false;
  errors: string[];
}

const OVERLAYS = ['dev', 'prod'];
const SERVICES = ['gateway', 'scanner', 'ocr', 'classifier', 'publisher', 'scheduler'];
const STAGES = ['scanner', 'ocr', 'classifier', 'publisher'] as const;
/** CRDs no npm package carries a schema for: validated against the minimal schemas instead. */
const MINIMAL_SCHEMA = [
  'mongodbcommunity.mongodb.com/v1/MongoDBCommunity',
  'rabbitmq.com/v1beta1/RabbitmqCluster',
];
const VALIDATOR = resolve(__dirname, '../../scripts/validate-k8s.mjs');

function validate(objects: unknown[]): Result[] {
  const file = join(mkdtempSync(join(tmpdir(), 'docflow-k8s-')), 'objects.json');
  writeFileSync(file, JSON.stringify(objects));
  return JSON.parse(
    execFileSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' }),
  ) as Result[];
}

describe('kubernetes manifests', () => {
  const rendered = new Map<string, K8sObject[]>();
  beforeAll(() => {
    const kustomize = ensureTool('kustomize');
    for (const overlay of OVERLAYS) {
      const out = execFileSync(kustomize, ['build', repoPath('deploy/k8s/overlays', overlay)], {
        encoding: 'utf8',
      });
      rendered.set(overlay, parseYamlDocuments(out) as K8sObject[]);
    }
    const base = execFileSync(kustomize, ['build', repoPath('deploy/k8s/base')], {
      encoding: 'utf8',
    });
    rendered.set('base', parseYamlDocuments(base) as K8sObject[]);
  }, 10 * 60_000);

  it.each(OVERLAYS)(
    'when overlay %s is rendered, then every object is valid against its schema',
    (overlay) => {
      const objects = rendered.get(overlay) ?? [];
      expect(objects.length).toBeGreaterThan(30);
      const results = validate(objects);
      const invalid = results.filter((r) => r.errors.length > 0);
      expect(invalid).toEqual([]);
      const unvalidated = results.filter((r) => !r.schema).map((r) => `${r.apiVersion}/${r.kind}`);
      expect(unvalidated).toEqual([]);
      const minimal = results
        .filter((r) => r.schema === 'minimal')
        .map((r) => `${r.apiVersion}/${r.kind}`);
      expect(minimal.every((k) => MINIMAL_SCHEMA.includes(k))).toBe(true);
    },
  );

  it('when prod is rendered, then the RabbitmqCluster and the MongoDB replica set are validated by their minimal CRD schemas', () => {
    const objects = (rendered.get('prod') ?? []).filter((o) =>
      MINIMAL_SCHEMA.includes(`${o.apiVersion}/${o.kind}`),
    );
    expect(validate(objects).map((r) => [`${r.apiVersion}/${r.kind}`, r.schema, r.errors])).toEqual(
      MINIMAL_SCHEMA.map((k) => [k, 'minimal', []]),
    );
  });

  it('when a broken RabbitmqCluster or MongoDBCommunity is validated, then its minimal schema reports each mistake', () => {
    const prod = rendered.get('prod') ?? [];
    const rabbit = prod.find((o) => o.kind === 'RabbitmqCluster')!;
    const mongo = prod.find((o) => o.kind === 'MongoDBCommunity')!;
    const [badRabbit, badMongo] = validate([
      {
        ...rabbit,
        spec: {
          ...rabbit.spec,
          replica: 3, // a typo of replicas
          replicas: 'three',
          persistence: { storage: '20 GB' },
          rabbitmq: { additionalPlugins: ['rabbitmq prometheus'] },
        },
      },
      {
        ...mongo,
        spec: {
          ...mongo.spec,
          type: 'ShardedCluster',
          users: [{ name: 'docflow', db: 'admin', roles: [{ name: 'readWrite' }] }],
        },
      },
    ]);
    expect(badRabbit?.schema).toBe('minimal');
    expect(badRabbit?.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/must NOT have additional properties/),
        '/spec/replicas must be integer',
        expect.stringMatching(/^\/spec\/persistence\/storage /),
        expect.stringMatching(/^\/spec\/rabbitmq\/additionalPlugins\/0 must match pattern/),
      ]),
    );
    expect(badMongo?.schema).toBe('minimal');
    expect(badMongo?.errors).toEqual(
      expect.arrayContaining([
        '/spec/type must be equal to one of the allowed values',
        "/spec/users/0 must have required property 'passwordSecretRef'",
        "/spec/users/0 must have required property 'scramCredentialsSecretName'",
        "/spec/users/0/roles/0 must have required property 'db'",
      ]),
    );
  });

  it('when a broken object is validated, then the validator reports it', () => {
    const [result] = validate([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x' },
        spec: { replicas: 'two' },
      },
    ]);
    expect(result?.errors.length).toBeGreaterThan(0);
  });

  it.each(OVERLAYS)(
    'when overlay %s is rendered, then each service runs hardened with probes and resources',
    (overlay) => {
      const deployments = (rendered.get(overlay) ?? []).filter((o) => o.kind === 'Deployment');
      for (const name of SERVICES) {
        const d = deployments.find((o) => o.metadata.name === name) as unknown as {
          spec: {
            template: {
              spec: {
                securityContext: Record<string, unknown>; // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rendered manifest
                containers: Record<string, any>[];
              };
            };
          };
        };
        expect(d).toBeDefined();
        const pod = d.spec.template.spec;
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        const [c] = pod.containers;
        expect(c?.readinessProbe.httpGet.path).toBe('/readyz');
        expect(c?.livenessProbe.httpGet.path).toBe('/healthz');
        expect(c?.resources.requests).toEqual(
          expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
        );
        expect(c?.resources.limits).toEqual(
          expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
        );
        expect(c?.securityContext).toEqual(
          expect.objectContaining({
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          }),
        );
        expect(c?.args).toEqual([name]);
      }
      for (const kind of ['Service', 'PodDisruptionBudget']) {
        const names = (rendered.get(overlay) ?? [])
          .filter((o) => o.kind === kind)
          .map((o) => o.metadata.name);
        expect(names).toEqual(expect.arrayContaining(SERVICES));
      }
    },
  );

  it('when prod is rendered, then each stage scales with KEDA on its own work queue from the contracts', () => {
    const scaled = (rendered.get('prod') ?? []).filter((o) => o.kind === 'ScaledObject');
    for (const stage of STAGES) {
      const so = scaled.find((o) => o.metadata.name === stage)?.spec as
        | {
            scaleTargetRef: { name: string };
            triggers: { type: string; metadata: { queueName: string } }[];
          }
        | undefined;
      expect(so?.scaleTargetRef.name).toBe(stage);
      expect(so?.triggers[0]?.type).toBe('rabbitmq');
      expect(so?.triggers[0]?.metadata.queueName).toBe(queuesOf(stage).work);
    }
  });

  it('when prod is rendered, then the broker is a 3-node RabbitmqCluster and MongoDB a replica set', () => {
    const objects = rendered.get('prod') ?? [];
    const rabbit = objects.find((o) => o.kind === 'RabbitmqCluster');
    expect(rabbit?.spec?.replicas).toBe(3);
    const mongo = objects.find((o) => o.kind === 'MongoDBCommunity');
    expect(mongo?.spec).toEqual(expect.objectContaining({ members: 3, type: 'ReplicaSet' }));
  });

  it.each(['base', ...OVERLAYS])(
    'when %s is rendered, then it carries no literal credentials (secrets come from Secrets the operator creates)',
    (variant) => {
      const objects = rendered.get(variant) ?? [];
      const found: string[] = [];
      const secretName = /(PASSWORD|SECRET|TOKEN|_KEY)$/;
      const check = (where: string, name: string, value: unknown) => {
        if (typeof value !== 'string') return;
        if (secretName.test(name)) found.push(`${where} ${name}: a literal secret`);
        else if (/^[a-z+]+:\/\/[^/]*@/.test(value) && weakUrlPasswordReason(value) !== undefined)
          found.push(`${where} ${name}: a URL with a known password`);
        else if (/^[a-z+]+:\/\/[^/@]*:[^/@]*@/.test(value))
          found.push(`${where} ${name}: a URL with a literal password`);
        else if (/change[-_ ]?me/i.test(value)) found.push(`${where} ${name}: a placeholder`);
      };
      for (const o of objects) {
        const where = `${o.kind}/${o.metadata.name}`;
        const data = o as unknown as { data?: object; stringData?: object };
        if (o.kind === 'Secret') found.push(`${where}: ships a Secret`);
        if (o.kind === 'ConfigMap')
          for (const [key, value] of Object.entries(data.data ?? {})) check(where, key, value);
        const pod = (o.spec as { template?: { spec?: { containers?: unknown[] } } } | undefined)
          ?.template?.spec;
        for (const c of (pod?.containers ?? []) as { env?: { name: string; value?: unknown }[] }[])
          for (const e of c.env ?? []) check(where, e.name, e.value);
      }
      expect(found).toEqual([]);
      expect(weakSecretReason('CHANGE-ME-at-least-24-characters')).toBeDefined();
    },
  );

  it.each(OVERLAYS)('when overlay %s is rendered, then clamd runs as non-root', (overlay) => {
    const clamav = (rendered.get(overlay) ?? []).find(
      (o) => o.kind === 'Deployment' && o.metadata.name === 'clamav',
    ) as unknown as {
      spec: {
        template: {
          spec: {
            securityContext: Record<string, unknown>;
            containers: {
              command?: string[];
              securityContext: {
                allowPrivilegeEscalation?: boolean;
                capabilities?: { add?: string[] };
              };
            }[];
          };
        };
      };
    };
    const pod = clamav.spec.template.spec;
    expect(pod.securityContext).toEqual(
      expect.objectContaining({ runAsNonRoot: true, runAsUser: 100, runAsGroup: 101 }),
    );
    const [c] = pod.containers;
    expect(c?.command).toEqual(['/init-unprivileged']);
    expect(c?.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(c?.securityContext.capabilities?.add ?? []).toEqual([]);
  });
});
