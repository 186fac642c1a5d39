import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's chromium (scripts/lib/prepare.sh installs it), driven by playwright-core, which never
 * downloads a browser of its own. CHROMIUM_PATH names another binary.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no browser at ${CHROMIUM_PATH}: install Debian's chromium (scripts/lib/prepare.sh does, as root) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // the test machines run as root in containers, where chromium's sandbox cannot start
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/**
 * Collects what the page reports as broken: uncaught errors, failed console errors (a CSP refusal
 * is one) and API answers of 5xx. A test ends by expecting the list to be empty.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    // the browser logs every 4xx answer (the sign-in probe's 403 for the admin key is expected);
    // the API's answers are checked by the tests, 5xx below
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** Runs axe-core in the page; returns the violations of serious or critical impact. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply
  const source = require('axe-core').source as string; // eslint-disable-line @typescript-eslint/no-require-imports
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } })
      .axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
      );
  });
  return violations;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}
