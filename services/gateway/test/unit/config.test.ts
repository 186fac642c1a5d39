import { ConfigError, parseConfig } from '@docflow/platform';
import { gatewayConfigSchema } from '../../src/config';

describe('gateway config', () => {
  test('when the URLs are http(s), then they are taken as given', () => {
    const config = parseConfig(gatewayConfigSchema, {
      PUBLIC_BASE_URL: 'https://docs.example.com/intake',
      RABBITMQ_MANAGEMENT_URL: 'http://guest:guest@127.0.0.1:15672',
    });
    expect(config.PUBLIC_BASE_URL).toBe('https://docs.example.com/intake');
    expect(config.RABBITMQ_MANAGEMENT_URL).toBe('http://guest:guest@127.0.0.1:15672');
  });

  test('when a URL has another scheme or is no URL, then one error names both variables', () => {
    let error: unknown;
    try {
      parseConfig(gatewayConfigSchema, {
        PUBLIC_BASE_URL: 'ftp://docs.example.com',
        RABBITMQ_MANAGEMENT_URL: 'localhost:15672',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PUBLIC_BASE_URL: expected a URL with scheme http or https/);
    expect(message).toMatch(/RABBITMQ_MANAGEMENT_URL: expected a URL with scheme http or https/);
  });

  test.each([
    'CHANGE-ME-at-least-24-characters',
    'change-me-0123456789abcdefghij',
    'password',
    'admin',
  ])('when ADMIN_API_KEY is %j, then the gateway refuses to start, naming the variable', (key) => {
    expect(() => parseConfig(gatewayConfigSchema, { ADMIN_API_KEY: key })).toThrow(
      /ADMIN_API_KEY: /,
    );
  });

  test('when ADMIN_API_KEY is empty, then it counts as unset and operator endpoints stay closed', () => {
    expect(parseConfig(gatewayConfigSchema, { ADMIN_API_KEY: '' }).ADMIN_API_KEY).toBeUndefined();
  });

  test('when the management URL has the guest password on another host, then it is refused', () => {
    expect(() =>
      parseConfig(gatewayConfigSchema, {
        RABBITMQ_MANAGEMENT_URL: 'http://guest:guest@rabbitmq:15672',
      }),
    ).toThrow(/RABBITMQ_MANAGEMENT_URL: has a well-known or empty password for rabbitmq/);
  });
});
