import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, parseConfig, runtimeConfigSchema } from '@docflow/platform';

describe('config', () => {
  test('when the environment is empty, then every key gets its documented default', () => {
    const config = parseConfig(runtimeConfigSchema, {});
    expect(config).toMatchObject({
      AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672',
      HTTP_PORT: 9464,
      RETRY_DELAYS_MS: [1000, 5000, 25000, 120000, 600000],
    });
  });

  test('when several variables are bad, then one error lists every one of them and hides passwords', () => {
    const env = { AMQP_URL: 'http://user:hunter2@x', HTTP_PORT: 'abc', RETRY_DELAYS_MS: '1,2,x' };
    let error: unknown;
    try {
      parseConfig(runtimeConfigSchema, env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).problems).toHaveLength(3);
    expect(message).toMatch(/AMQP_URL: expected a URL with scheme amqp or amqps/);
    expect(message).toMatch(/HTTP_PORT/);
    expect(message).toMatch(/RETRY_DELAYS_MS/);
    expect(message).not.toContain('hunter2');
  });

  test('when a service starts with a bad variable, then it exits non-zero with a readable error', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures/config-main.ts')],
      {
        env: { ...process.env, AMQP_URL: 'nope', AMQP_PREFETCH: '0' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('invalid configuration');
    expect(result.stderr).toMatch(/AMQP_URL: expected a URL/);
    expect(result.stderr).toMatch(/AMQP_PREFETCH: /);
  });
});
