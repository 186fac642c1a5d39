import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@docflow/testing';
import { buildOpenApiDocument, serialise } from '../../src/openapi';

describe('OpenAPI document', () => {
  it('when the routes change, then docs/openapi.json is regenerated (npm run openapi)', async () => {
    const committed = readFileSync(join(repoRoot, 'docs/openapi.json'), 'utf8');
    const built = serialise(await buildOpenApiDocument());
    if (built !== committed)
      throw new Error('docs/openapi.json is stale: run `npm run openapi` and commit the result');
    expect(JSON.parse(built).paths['/v1/documents'].post.requestBody.content).toHaveProperty([
      'multipart/form-data',
    ]);
  });
});
