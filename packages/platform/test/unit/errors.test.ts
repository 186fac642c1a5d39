import {
  DocflowError,
  classifyError,
  deriveId,
  permanentError,
  runtimeError,
  transientError,
} from '@docflow/platform';

describe('error classification', () => {
  test.each([
    [transientError('X', 'x'), true],
    [permanentError('X', 'x'), false],
    [runtimeError('BROKER_UNAVAILABLE'), true],
    [runtimeError('MESSAGE_INVALID'), false],
    [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('gone'), { name: 'MongoNetworkError' }), true],
    [new TypeError('undefined is not a function'), false],
    ['a thrown string', false],
  ])('when %p is thrown, then transient is %p', (err, transient) => {
    expect(classifyError(err).transient).toBe(transient);
  });

  test.each([
    [runtimeError('CIRCUIT_OPEN'), true],
    [runtimeError('BROKER_UNAVAILABLE'), true],
    [transientError('CLAMD_UNAVAILABLE', 'refused', { outage: true }), true],
    [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true],
    [Object.assign(new Error('no primary'), { name: 'MongoServerSelectionError' }), true],
    [runtimeError('HANDLER_TIMEOUT'), false],
    [transientError('STORAGE_BUSY', 'busy'), false],
    // an outage that is not transient is no outage: nothing would retry it
    [permanentError('X', 'x', { outage: true }), false],
    [new Error('unknown'), false],
  ])('when %p is thrown, then outage is %p', (err, outage) => {
    expect(classifyError(err).outage ?? false).toBe(outage);
  });

  test('when a DocflowError wraps a cause, then code, cause and flags are kept', () => {
    const cause = new Error('low level');
    const err = new DocflowError('CLAMD_DOWN', 'clamd is down', { transient: true, cause });
    expect(err).toMatchObject({
      code: 'CLAMD_DOWN',
      isTransient: true,
      isOperational: true,
      cause,
    });
  });
});

describe('derived ids', () => {
  test('when the same name is derived twice, then the ids are equal UUID v5s; other names differ', () => {
    const a = deriveId('scanner/abc/0/document.scanned');
    expect(a).toBe(deriveId('scanner/abc/0/document.scanned'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveId('scanner/abc/1/document.scanned')).not.toBe(a);
  });
});
