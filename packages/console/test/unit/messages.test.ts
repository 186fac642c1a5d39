import { en } from '../../src/i18n/en';
import { es } from '../../src/i18n/es';

describe('UI text', () => {
  it('when the Spanish catalogue is compared with the English one, then it has the same keys and placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect([key, placeholders(es[key])]).toEqual([key, placeholders(en[key])]);
  });
});
