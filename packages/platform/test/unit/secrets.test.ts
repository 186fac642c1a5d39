import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ConfigError,
  env,
  isLoopbackHost,
  parseConfig,
  runtimeConfigSchema,
  weakSecretReason,
  weakUrlPasswordReason,
} from '@docflow/platform';

const schema = runtimeConfigSchema.extend({
  API_KEY: env.secret('A key.', 24).optional(),
  MANAGEMENT_URL: env.serverUrl('A management API.', ['http', 'https']).optional(),
});

function problemsOf(input: Record<string, string>): string[] {
  try {
    parseConfig(schema, input);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe('config: placeholder and well-known secrets', () => {
  test.each([
    'CHANGE-ME',
    'change-me-at-least-24-characters',
    'xxCHANGEME-key-0123456789abc',
    'changeme',
    'Guest',
    'docflow',
    'PASSWORD',
    'secret',
    'admin',
    '',
  ])('when a secret is %j, then it is refused', (value) => {
    expect(weakSecretReason(value)).toBeDefined();
  });

  test('when a secret is random, then it is accepted', () => {
    expect(weakSecretReason('3f9a0c1d7e2b4a6f8c0d2e4f6a8b0c1d')).toBeUndefined();
  });

  test('when ADMIN-style keys hold a placeholder of 24+ characters, then parsing lists the variable and hides the value', () => {
    const problems = problemsOf({ API_KEY: 'CHANGE-ME-at-least-24-characters' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^API_KEY: is a placeholder \(CHANGE-ME\)/);
    expect(problems[0]).not.toContain('CHANGE-ME-at-least');
  });

  test.each([
    ['amqp://guest:guest@127.0.0.1:5672', true],
    ['amqp://guest:guest@localhost:5672', true],
    ['amqp://guest:guest@[::1]:5672', true],
    ['mongodb://127.0.0.1:27017', true],
    ['mongodb://mongo:27017/?replicaSet=rs0', true],
    ['amqp://docflow:9d2f61c0a4b7e8f3@rabbitmq:5672', true],
    ['amqp://guest:guest@rabbitmq:5672', false],
    ['amqp://docflow:docflow@rabbitmq:5672', false],
    ['amqp://docflow:@rabbitmq:5672', false],
    ['amqp://docflow:CHANGE-ME@rabbitmq:5672', false],
    ['amqp://docflow:CHANGE-ME@127.0.0.1:5672', false],
    ['mongodb://docflow:Password@mongodb:27017/', false],
  ])('when a server URL is %s, then it is accepted: %s', (url, accepted) => {
    expect(weakUrlPasswordReason(url) === undefined).toBe(accepted);
  });

  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['db.localhost', true],
    ['[::1]', true],
    ['10.0.0.1', false],
    ['rabbitmq', false],
    ['localhost.example.com', false],
  ])('when the host is %s, then loopback is %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  test('when every connection URL carries a weak password off loopback, then one error lists each variable and no password', () => {
    const problems = problemsOf({
      AMQP_URL: 'amqp://guest:guest@rabbitmq:5672',
      MONGODB_URL: 'mongodb://docflow:CHANGE-ME@mongodb:27017/?replicaSet=rs0',
      MANAGEMENT_URL: 'http://docflow:docflow@rabbitmq:15672',
      API_KEY: 'admin',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AMQP_URL',
      'API_KEY',
      'API_KEY',
      'MANAGEMENT_URL',
      'MONGODB_URL',
    ]);
    const text = problems.join('\n');
    expect(text).not.toMatch(/guest:guest|docflow:docflow|CHANGE-ME@/);
    expect(text).toMatch(/AMQP_URL: has a well-known or empty password for rabbitmq/);
  });

  test('when the local development defaults are used, then they parse', () => {
    expect(parseConfig(schema, {}).AMQP_URL).toBe('amqp://guest:guest@127.0.0.1:5672');
    expect(
      parseConfig(schema, { MANAGEMENT_URL: 'http://guest:guest@127.0.0.1:15672' }).MANAGEMENT_URL,
    ).toBe('http://guest:guest@127.0.0.1:15672');
  });

  test('when a secret schema is described, then its description survives optional()', () => {
    expect(z.toJSONSchema(schema.shape.API_KEY).description).toBe('A key.');
  });

  test('when a service starts with a placeholder password, then it exits 78 naming the variable', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures/config-main.ts')],
      {
        env: { ...process.env, AMQP_URL: 'amqp://docflow:CHANGE-ME@rabbitmq:5672' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/AMQP_URL: has a placeholder password/);
    expect(result.stderr).not.toContain('CHANGE-ME@');
  });
});
