import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@docflow/testing';
import { createNativeTesseract } from '../../../src/adapters/native-tesseract';

/** Whether a process is still alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Tesseract deadline (native engine)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docflow-tesseract-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('when Tesseract takes longer than OCR_TESSERACT_TIMEOUT_MS per page, then it is killed and the document fails for good naming the limit', async () => {
    // Arrange: a "tesseract" that records its pid and hangs
    const binary = join(dir, 'tesseract');
    const pidFile = join(dir, 'pid');
    await writeFile(binary, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 60\n`);
    await chmod(binary, 0o755);
    const engine = createNativeTesseract({
      binary,
      languages: 'eng',
      workers: 1,
      timeoutMsPerPage: 150,
    });

    // Act
    const started = Date.now();
    const failure = await engine
      .recognize([Buffer.from('page 1'), Buffer.from('page 2')])
      .catch((e) => e);

    // Assert: two pages, twice the per-page deadline; the process is gone
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message:
        'processing.budget_exceeded: ocr: Tesseract took longer than 300 ms for 2 page(s) (150 ms per page, OCR_TESSERACT_TIMEOUT_MS)',
      details: {
        reason: 'processing.budget_exceeded',
        stage: 'ocr',
        limit: 'OCR_TESSERACT_TIMEOUT_MS',
        budget: 150,
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    await waitFor(() => !alive(pid), 5_000, 'the hung tesseract process to be gone');
  });

  test('when Tesseract fails on its own, then the failure is OCR_FAILED, not a budget', async () => {
    // Arrange
    const binary = join(dir, 'tesseract');
    await writeFile(binary, '#!/bin/sh\necho "cannot read image" >&2\nexit 1\n');
    await chmod(binary, 0o755);
    const engine = createNativeTesseract({
      binary,
      languages: 'eng',
      workers: 1,
      timeoutMsPerPage: 10_000,
    });

    // Act
    const failure = await engine.recognize([Buffer.from('page 1')]).catch((e) => e);

    // Assert
    expect(failure).toMatchObject({ code: 'OCR_FAILED', isTransient: false });
  });
});
