import { execFileSync } from 'node:child_process';

/**
 * Validates an OpenAPI document with @apidevtools/swagger-parser in a child Node process (its
 * dependencies are ES modules, which Node loads but jest's module system does not). Throws the
 * validator's message when the document is invalid.
 */
export function validateOpenApi(document: unknown): void {
  const script = `
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => {
      require('@apidevtools/swagger-parser')
        .validate(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        .then(() => process.exit(0), (e) => { process.stderr.write(e.message); process.exit(1); });
    });`;
  try {
    execFileSync(process.execPath, ['-e', script], {
      input: JSON.stringify(document),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`invalid OpenAPI document: ${stderr}`);
  }
}
