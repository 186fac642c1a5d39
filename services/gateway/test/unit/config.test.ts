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
});
