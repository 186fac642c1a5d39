import { isPrivateAddress } from '../../../src/domain/target-policy';

describe('isPrivateAddress', () => {
  test.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    'not-an-ip',
  ])('when the target is %s, then it is refused', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  test.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    'when the target is %s, then it is allowed',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});
