import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTenantRepository } from '@docflow/tenants';
import { createTestContext, repoRoot, type TestContext } from '@docflow/testing';

const run = promisify(execFile);

describe('admin CLI (npm run docflow)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('admin-cli');
  });
  afterAll(() => ctx.cleanup());

  const cli = (...args: string[]) =>
    run(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'packages/cli/src/main.ts'), ...args],
      {
        env: { ...process.env, ...ctx.env },
      },
    );

  it('when a tenant is created and its key revoked, then the key works only until revoked', async () => {
    const created = await cli('tenants', 'create', 'Initech', '--rate-limit', '100');
    const key = /API key \(shown once\): (\S+)/.exec(created.stdout)?.[1];
    const keyId = /key id (\S+)/.exec(created.stdout)?.[1];
    expect(key).toMatch(/^dfk_/);
    const repo = createTenantRepository(ctx.db);
    const found = await repo.authenticate(key!);
    expect(found?.tenant).toMatchObject({ name: 'Initech', rateLimit: 100 });
    // only the hash is stored
    expect(JSON.stringify(await ctx.db.collection('api_keys').find().toArray())).not.toContain(key);

    await cli('keys', 'revoke', keyId!);
    expect(await repo.authenticate(key!)).toBeNull();
  });

  it('when the command is unknown, then it exits 2 with the usage', async () => {
    await expect(cli('tenants', 'explode')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command'),
    });
  });
});
