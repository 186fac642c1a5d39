// ESLint rule `docflow/service-boundaries`: a service never imports another service, neither by
// package name (`@docflow/<service>`, any subpath) nor by a relative path that leaves its folder.
// Code two services need lives in a package under packages/.
const { readdirSync } = require('node:fs');
const { dirname, relative, resolve, sep } = require('node:path');

const root = resolve(__dirname, '../..');
const servicesDir = resolve(root, 'services');
const services = new Set(
  readdirSync(servicesDir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [e.name] : [],
  ),
);

/** The service a file belongs to, or undefined outside services/. */
function serviceOf(file) {
  const rel = relative(servicesDir, file);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0];
}

/** The service an import specifier reaches from `file`, or undefined. */
function targetOf(file, source) {
  const named = /^@docflow\/([^/]+)/.exec(source);
  if (named) return services.has(named[1]) ? named[1] : undefined;
  if (source.startsWith('.')) return serviceOf(resolve(dirname(file), source));
  return undefined;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'a service never imports another service' },
    messages: {
      crossService:
        "services/{{from}} imports the {{to}} service ('{{source}}'): move what both need into a package under packages/",
    },
    schema: [],
  },
  create(context) {
    const file = resolve(context.filename);
    const own = serviceOf(file);
    if (!own) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const to = targetOf(file, source);
      if (to && to !== own)
        context.report({ node, messageId: 'crossService', data: { from: own, to, source } });
    };
    const fromSource = (node) => node.source && check(node, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          const [arg] = node.arguments;
          if (arg && arg.type === 'Literal') check(node, arg.value);
        }
      },
    };
  },
};
