import { hashKey, issueKey, keyIdOf, sameSecret } from '../../src/api-keys';

describe('API keys', () => {
  it('when a key is issued, then its id is readable from it, only its hash is kept, and look-alikes are refused', () => {
    const issued = issueKey();
    expect(keyIdOf(issued.key)).toBe(issued.keyId);
    expect(issued.hash).toBe(hashKey(issued.key));
    expect(issued.hash).not.toContain(issued.key.slice(20));
    expect(keyIdOf(`${issued.key}x`)).toBeUndefined();
    expect(sameSecret('a'.repeat(30), 'a'.repeat(30))).toBe(true);
    expect(sameSecret('a'.repeat(30), 'b'.repeat(30))).toBe(false);
  });
});
