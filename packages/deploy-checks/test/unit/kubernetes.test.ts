import { queuesOf } from '@docflow/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  schema: boolean;
  errors: string[];
}

const OVERLAYS = ['dev', 'prod'];
const SERVICES = ['gateway', 'scanner', 'ocr', 'classifier', 'publisher', 'scheduler'];
const STAGES = ['scanner', 'ocr', 'classifier', 'publisher'] as const;
/** CRDs no npm package carries a schema for: checked structurally below instead. */
const WITHOUT_SCHEMA = new Set([
  'rabbitmq.com/v1beta1/RabbitmqCluster',
  'mongodbcommunity.mongodb.com/v1/MongoDBCommunity',
]);
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
  }, 10 * 60_000);

  it.each(OVERLAYS)(
    'when overlay %s is rendered, then every object is valid against its schema',
    (overlay) => {
      const objects = rendered.get(overlay) ?? [];
      expect(objects.length).toBeGreaterThan(30);
      const results = validate(objects);
      const invalid = results.filter((r) => r.errors.length > 0);
      expect(invalid).toEqual([]);
      const unvalidated = results
        .filter((r) => !r.schema)
        .map((r) => `${r.apiVersion}/${r.kind}`)
        .filter((k) => !WITHOUT_SCHEMA.has(k));
      expect(unvalidated).toEqual([]);
    },
  );

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
});
