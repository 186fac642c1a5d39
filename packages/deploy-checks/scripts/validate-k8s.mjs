// Validates Kubernetes objects offline against the schemas that the npm packages
// kubernetes-models (Kubernetes 1.27), @kubernetes-models/keda and
// @kubernetes-models/prometheus-operator carry, and custom resources no package covers against the
// minimal schemas in ../schemas (<group>_<version>_<Kind>.json). The packages are ESM-only, so jest
// runs this file as a child process: `node validate-k8s.mjs <objects.json>`; prints a JSON array
// of results, each with `schema`: the package, `minimal` or false.
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const ajv = new Ajv({ allErrors: true, strict: false });
const minimalSchema = (group, version, kind) => {
  const file = new URL(`../schemas/${group}_${version}_${kind}.json`, import.meta.url);
  return existsSync(file) ? ajv.compile(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
};

const packageFor = (group) => {
  if (group === 'keda.sh') return '@kubernetes-models/keda';
  if (group === 'monitoring.coreos.com') return '@kubernetes-models/prometheus-operator';
  return 'kubernetes-models';
};

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const object of objects) {
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const modulePath = `${packageFor(group)}/${apiVersion}`;
  let Model;
  try {
    Model = (await import(modulePath))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    const validate = minimalSchema(group, apiVersion.slice(slash + 1), kind);
    if (!validate) results.push({ apiVersion, kind, name, schema: false, errors: [] });
    else {
      const errors = validate(object)
        ? []
        : validate.errors.map((e) => `${e.instancePath} ${e.message}`.trim());
      results.push({ apiVersion, kind, name, schema: 'minimal', errors });
    }
    continue;
  }
  try {
    new Model(object).validate();
    results.push({ apiVersion, kind, name, schema: packageFor(group), errors: [] });
  } catch (error) {
    const details = error?.errors?.map((e) => `${e.instancePath ?? ''} ${e.message ?? ''}`.trim());
    results.push({
      apiVersion,
      kind,
      name,
      schema: packageFor(group),
      errors: details ?? [String(error)],
    });
  }
}
process.stdout.write(JSON.stringify(results));
