import { gatewayError } from './errors';

/**
 * Deepest nesting accepted in metadata. The object is stored inside the document record, its
 * transitions and its `document.received` event, and MongoDB refuses documents nested beyond 100
 * levels, so a deep object would fail the upload after its files were stored.
 */
export const MAX_METADATA_DEPTH = 20;

/**
 * The `metadata` field of an upload: a JSON object of at most `maxBytes`, at most
 * MAX_METADATA_DEPTH levels deep, with no key that could reach an object's prototype
 * (`__proto__`, `constructor.prototype`), as the JSON bodies of the API are parsed, and no key
 * the database would refuse or read as an operator or a path (one starting with `$`, or holding
 * a `.` or a NUL): the object is stored as it is, and a refusal there came after the files were.
 */
export function parseMetadata(value: unknown, maxBytes: number): Record<string, unknown> {
  const text = typeof value === 'string' ? value : '';
  if (Buffer.byteLength(text) > maxBytes)
    throw gatewayError('INVALID_METADATA', `metadata is larger than ${maxBytes} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw gatewayError('INVALID_METADATA', `metadata is not JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw gatewayError('INVALID_METADATA', 'metadata must be a JSON object');
  const problem = shapeProblem(parsed, 1);
  if (problem)
    throw gatewayError('INVALID_METADATA', `metadata ${problem.message}`, {
      ...(problem.key !== undefined ? { key: problem.key } : {}),
      path: problem.path,
    });
  return parsed as Record<string, unknown>;
}

interface ShapeProblem {
  message: string;
  path: string;
  key?: string;
}

/** What is wrong with a parsed JSON value's shape, or null (iterative: depth is not trusted). */
function shapeProblem(root: object, rootDepth: number): ShapeProblem | null {
  const stack: { value: object; depth: number; path: string }[] = [
    { value: root, depth: rootDepth, path: '' },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (depth > MAX_METADATA_DEPTH)
      return {
        message: `is nested deeper than ${MAX_METADATA_DEPTH} levels (at ${path || '/'})`,
        path: path || '/',
      };
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}/${key}`;
      if (key === '__proto__')
        return { message: `may not contain the key "__proto__" (at ${at})`, path: at, key };
      if (
        key === 'constructor' &&
        child !== null &&
        typeof child === 'object' &&
        Object.hasOwn(child, 'prototype')
      )
        return { message: `may not contain "constructor.prototype" (at ${at})`, path: at, key };
      if (!isArray && /^\$|[.\0]/.test(key))
        return {
          message: `key ${JSON.stringify(key)} may not start with "$" or contain "." or NUL (at ${at})`,
          path: at,
          key,
        };
      if (child !== null && typeof child === 'object')
        stack.push({ value: child as object, depth: depth + 1, path: at });
    }
  }
  return null;
}
