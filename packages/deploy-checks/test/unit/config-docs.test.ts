import { z } from 'zod';
import { env, runtimeConfigSchema } from '@docflow/platform';
import {
  CONFIG_DOC,
  UndocumentedSettingsError,
  defaultText,
  renderConfigReference,
} from '../../../../scripts/config-docs';
import { readRepoFile } from '../../src';

describe('configuration reference (docs/configuration.md)', () => {
  it('when a schema changes, then docs/configuration.md is regenerated (npm run docs:config)', () => {
    const committed = readRepoFile(CONFIG_DOC);
    const built = renderConfigReference();
    if (built !== committed)
      throw new Error(`${CONFIG_DOC} is stale: run \`npm run docs:config\` and commit the result`);
    expect(built).toContain('| `AMQP_URL` |');
    expect(built).toContain('## scheduler');
  });

  it('when a setting has no description, then rendering fails naming it', () => {
    const schema = runtimeConfigSchema.extend({
      NEW_SETTING_MS: z.coerce.number().int().default(1_000),
      DESCRIBED_MS: env.int('Documented.', 1_000),
    });
    expect(() => renderConfigReference({ probe: schema })).toThrow(UndocumentedSettingsError);
    expect(() => renderConfigReference({ probe: schema })).toThrow('probe: NEW_SETTING_MS');
  });

  it('when defaults are rendered, then each shows what an unset variable means', () => {
    const field = (schema: z.ZodType, name = 'X') => defaultText(name, schema, '/repo');
    expect(field(z.string().describe('d'), 'NAME')).toBe('required');
    expect(field(z.string().optional())).toBe('unset');
    expect(field(env.int('d', 5_000), 'WAIT_MS')).toBe('5000 (5 s)');
    expect(field(env.int('d', 2_500), 'WAIT_MS')).toBe('2500');
    expect(field(env.bool('d', false))).toBe('false');
    expect(field(z.string().default('/repo/model.json'))).toBe('`<root>/model.json`');
    expect(field(env.intList('d', [1, 2]))).toBe('`1,2`');
    expect(
      field(
        z
          .string()
          .default('')
          .transform((s) => s.split(',').filter(Boolean)),
      ),
    ).toBe('empty');
    expect(field(env.int('d', 3).meta({ shownDefault: 'the number of cores' }))).toBe(
      'the number of cores',
    );
  });
});
