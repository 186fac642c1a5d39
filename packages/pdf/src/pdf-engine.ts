import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfBudget } from './budget';
import { budgetExceeded, PdfError, type PdfProblem } from './pdf-error';
import { parsePdfInfo, type PdfInfo } from './pdf-info';
import { findOnPath, runTool, type ToolRun } from './run-tool';

/** pdfinfo's verdict: what the PDF is, or why it cannot be read. */
export type PdfInfoResult = { ok: true; info: PdfInfo } | { ok: false; problem: PdfProblem };

/** One PDF on disk, read with poppler's tools, each run under the engine's budget. */
export interface PdfFile {
  /** Page count, page sizes, encryption and version (pdfinfo). */
  info(options?: { allPageSizes?: boolean }): Promise<PdfInfoResult>;
  /** The text layer of every page, in order (pdftotext -layout; pages end at form feeds). */
  pageTexts(): Promise<string[]>;
  /**
   * One page (from 1) rendered as a grayscale PNG at `dpi` (pdftoppm), its crop box (the size
   * pdfinfo reports, see renderDpiFor).
   */
  renderPage(page: number, dpi: number): Promise<Buffer>;
  /** Names of the embedded files (pdfdetach -list), in order; index + 1 is `attachment`'s number. */
  attachments(): Promise<string[]>;
  /** The embedded file numbered `number` (from 1), at most the output budget's bytes. */
  attachment(number: number): Promise<Buffer>;
}

/** What the engine runs with; services log it at start. */
export interface PdfTools {
  /** pdfinfo's version line, e.g. `pdfinfo version 22.12.0`. */
  poppler: string;
  /** How the memory budget is enforced: `prlimit`, or `none` (no prlimit, or a budget of 0). */
  memoryCap: 'prlimit' | 'none';
}

export interface PdfEngine {
  readonly budget: PdfBudget;
  /** Checks that poppler runs; rejects with PDF_TOOLS_UNAVAILABLE when it does not. */
  tools(): Promise<PdfTools>;
  /** pdfinfo on `bytes`: a typed result, never a PdfError. */
  info(
    bytes: Buffer,
    options?: { allPageSizes?: boolean },
    signal?: AbortSignal,
  ): Promise<PdfInfoResult>;
  /**
   * Writes the PDF to a private temporary folder for the duration of `work`. The file's text and
   * rendering reject with a PdfError when poppler cannot read it or goes past the budget.
   */
  open<T>(bytes: Buffer, work: (pdf: PdfFile) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** The problem a finished run shows, if any. */
function problemOf(tool: string, run: ToolRun, budget: PdfBudget): PdfProblem | undefined {
  if (run.exceeded) {
    const value = {
      time: budget.timeoutMs,
      output: budget.maxOutputBytes,
      memory: budget.maxMemoryBytes,
    }[run.exceeded];
    return budgetExceeded(tool, run.exceeded, value);
  }
  if (run.code === 0) return undefined;
  // exit 3 is poppler's permission error (e.g. copying text not allowed)
  if (/incorrect password/i.test(run.stderr) || run.code === 3)
    return { kind: 'encrypted', message: 'PDF is encrypted; it needs a password' };
  const lastLines = run.stderr.trim().split('\n').slice(-3).join('; ');
  const ending = run.signal ? `ended by ${run.signal}` : `exit code ${run.code}`;
  return {
    kind: 'corrupt',
    message: `${tool} cannot read the PDF`,
    detail: `${ending}${lastLines ? `: ${lastLines}` : ''}`.slice(0, 300),
  };
}

/**
 * The one PDF engine of docflow: poppler's command-line tools as subprocesses, each under
 * `budget` (see runTool). Where `prlimit` is (util-linux; in the image and on Debian it always
 * is) is looked up once, on first use.
 */
export function createPdfEngine(
  budget: PdfBudget,
  options: {
    /** prlimit's path; null runs tools without a memory cap. Default: found on PATH. */
    prlimit?: string | null;
  } = {},
): PdfEngine {
  let prlimit: Promise<string | undefined> | undefined;
  const findPrlimit = () =>
    (prlimit ??=
      options.prlimit === undefined
        ? findOnPath('prlimit')
        : Promise.resolve(options.prlimit ?? undefined));

  const run = async (tool: string, args: string[], signal?: AbortSignal) =>
    runTool(tool, args, budget, { prlimit: await findPrlimit(), signal });

  const info = async (
    file: string,
    allPageSizes: boolean,
    signal?: AbortSignal,
  ): Promise<PdfInfoResult> => {
    const pages = allPageSizes ? ['-f', '1', '-l', String(2 ** 31 - 1)] : [];
    const result = await run('pdfinfo', ['-enc', 'UTF-8', ...pages, file], signal);
    const problem = problemOf('pdfinfo', result, budget);
    if (problem) return { ok: false, problem };
    const parsed = parsePdfInfo(result.stdout.toString('utf8'));
    if (!parsed)
      return {
        ok: false,
        problem: {
          kind: 'corrupt',
          message: 'pdfinfo cannot read the PDF',
          detail: 'no page count',
        },
      };
    return { ok: true, info: parsed };
  };

  const checked = async (tool: string, args: string[], signal?: AbortSignal): Promise<Buffer> => {
    const result = await run(tool, args, signal);
    const problem = problemOf(tool, result, budget);
    if (problem) throw new PdfError(problem);
    return result.stdout;
  };

  const open = async <T>(
    bytes: Buffer,
    work: (pdf: PdfFile) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> => {
    const dir = await mkdtemp(join(tmpdir(), 'docflow-pdf-'));
    const file = join(dir, 'document.pdf');
    try {
      await writeFile(file, bytes);
      return await work({
        info: (opts = {}) => info(file, opts.allPageSizes ?? false, signal),
        async pageTexts() {
          const out = await checked('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], signal);
          const pages = out.toString('utf8').split('\f');
          if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
          return pages;
        },
        async attachments() {
          const out = await checked('pdfdetach', ['-list', '-enc', 'UTF-8', file], signal);
          return out
            .toString('utf8')
            .split('\n')
            .flatMap((line) => {
              const m = /^\s*\d+:\s?(.*)$/.exec(line);
              return m ? [m[1]!.trim()] : [];
            });
        },
        async attachment(number) {
          const saved = join(dir, `attachment-${number}`);
          await checked('pdfdetach', ['-save', String(number), '-o', saved, file], signal);
          const size = (await stat(saved)).size;
          if (budget.maxOutputBytes > 0 && size > budget.maxOutputBytes)
            throw new PdfError(budgetExceeded('pdfdetach', 'output', budget.maxOutputBytes));
          return readFile(saved);
        },
        // without an output root, pdftoppm writes the page to stdout, under the output cap
        renderPage: (page, dpi) =>
          checked(
            'pdftoppm',
            [
              '-f',
              String(page),
              '-l',
              String(page),
              '-r',
              String(dpi),
              '-cropbox',
              '-gray',
              '-png',
              '-singlefile',
              file,
            ],
            signal,
          ),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    budget,
    async tools() {
      const result = await run('pdfinfo', ['-v']);
      const poppler = result.stderr.split('\n')[0]?.trim() || result.stdout.toString().trim();
      const capped = (await findPrlimit()) !== undefined && budget.maxMemoryBytes > 0;
      return { poppler, memoryCap: capped ? 'prlimit' : 'none' };
    },
    info: (bytes, opts = {}, signal) => open(bytes, (pdf) => pdf.info(opts), signal),
    open,
  };
}
