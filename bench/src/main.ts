import { mkdirSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { provideServers, repoRoot } from '@docflow/testing';
import { celeryBench } from './celery/celery-bench';
import { HELP, parseArgs, type BenchArgs, type Scenario } from './cli';
import { e2eBench } from './e2e-bench';
import { e2eMarkdown } from './e2e-report';
import { einvoiceBench } from './einvoice-bench';
import { hopBench } from './hop-bench';
import { describeMachine, machineLine } from './machine';
import { ocrBench } from './ocr-bench';
import { pinStore, type StorePinning } from './pin-store';
import type { Servers } from './sandbox';
import { uploadScenario } from './upload-bench';

const TITLES: Record<Scenario, string> = {
  hop: 'One hop: broker limit, runtime, raw ceiling',
  e2e: 'Text pipeline end to end, with its store ceiling, broker limit and the Celery anchor',
  pinned: 'Text pipeline against its store ceiling, the store on a core of its own',
  celery: 'Celery + Redis anchor',
  upload: 'Gateway uploads',
  ocr: 'OCR stage vs the tesseract CLI',
  einvoice: 'Structured e-invoices against text-layer invoices, end to end',
};

/** True when clamd answers a PING at `url` (tcp://host:port). */
function clamdAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('error', () => done(false));
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('PONG')) done(true);
    });
    socket.connect(Number(port), hostname, () => socket.write('zPING\0'));
  });
}

/** Where a pinning put the store and everything else, for the report. */
function pinnedLine(pinning: StorePinning): string {
  const moved = Object.entries(pinning.pinned)
    .map(([name, n]) => `${name} ×${n}`)
    .join(', ');
  return `store pinned to core ${pinning.storeCores}, everything else to ${pinning.otherCores} (${moved}); no Celery anchor`;
}

async function runScenario(
  scenario: Scenario,
  args: BenchArgs,
  target: Servers,
  clamdUrl: string,
): Promise<{ result: unknown; markdown: string }> {
  switch (scenario) {
    case 'hop':
      return hopBench(target, args.n, args.reps);
    case 'e2e':
    case 'pinned': {
      const antivirus =
        args.antivirus === 'auto' ? await clamdAnswers(clamdUrl) : args.antivirus === 'on';
      const options = {
        documents: args.docs,
        replicas: args.replicas,
        loads: args.rates,
        reps: args.reps,
        antivirus: { on: antivirus, clamdUrl },
        celery: args.celery,
      };
      if (scenario === 'e2e') {
        const result = await e2eBench(target, options);
        return { result, markdown: e2eMarkdown(result) };
      }
      // The same comparison with the store given the same one core in both runs, as on a
      // database host of its own; the services, broker and clamd share the other cores.
      let pinning: StorePinning;
      try {
        pinning = await pinStore();
      } catch (err) {
        const skipped = (err as Error).message;
        return { result: { skipped }, markdown: `Not run: ${skipped}.` };
      }
      try {
        const result = await e2eBench(target, { ...options, loads: ['max'], celery: false });
        return {
          result: {
            cores: {
              store: pinning.storeCores,
              others: pinning.otherCores,
              pinned: pinning.pinned,
            },
            ...result,
          },
          markdown: `Cores: ${pinnedLine(pinning)}.\n\n${e2eMarkdown(result)}`,
        };
      } finally {
        await pinning.restore();
      }
    }
    case 'celery':
      return celeryBench(args.docs, args.reps);
    case 'upload':
      return uploadScenario(target, args.seconds);
    case 'ocr':
      return ocrBench(target, args.pages, args.reps);
    case 'einvoice': {
      const antivirus =
        args.antivirus === 'auto' ? await clamdAnswers(clamdUrl) : args.antivirus === 'on';
      return einvoiceBench(target, {
        documents: args.docs,
        replicas: args.replicas,
        reps: args.reps,
        antivirus: { on: antivirus, clamdUrl },
      });
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP);
  const servers = await provideServers((line) => process.stderr.write(`[bench] ${line}\n`));
  const target = {
    amqpUrl: servers.AMQP_URL,
    managementUrl: servers.RABBITMQ_MANAGEMENT_URL,
    mongoUrl: servers.MONGODB_URL,
  };
  const clamdUrl = servers.CLAMD_URL ?? 'tcp://127.0.0.1:3310';
  const { machine, finish } = await describeMachine({
    managementUrl: servers.RABBITMQ_MANAGEMENT_URL,
    mongoServer: servers.MONGODB_SERVER,
  });
  process.stdout.write(`docflow bench on ${machineLine(machine)}\n`);
  const pinning: StorePinning | undefined = args.pinStore ? await pinStore() : undefined;
  const pinLine = pinning ? pinnedLine(pinning) : undefined;
  if (pinLine) process.stdout.write(`${pinLine}\n`);
  const started = new Date();
  const results: Partial<Record<Scenario, unknown>> = {};
  const sections: string[] = [];
  const durations: Partial<Record<Scenario, number>> = {};
  try {
    for (const scenario of args.scenarios) {
      const began = Date.now();
      const { result, markdown } = await runScenario(scenario, args, target, clamdUrl);
      results[scenario] = result;
      durations[scenario] = Math.round((Date.now() - began) / 1000);
      sections.push(`## ${TITLES[scenario]}\n\n${markdown}`);
      process.stdout.write(`\n${markdown}\n`);
    }
  } finally {
    await pinning?.restore();
  }
  const final = finish();
  const date = started.toISOString().slice(0, 10);
  const markdown = [
    `# docflow bench, ${date}`,
    '',
    `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${machineLine(final)}.`,
    '',
    ...(pinLine ? [`Cores: ${pinLine}.`, ''] : []),
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const base = join(
    dir,
    `${args.only ? `${date}-${args.only}` : date}${pinning ? '-pinned-store' : ''}`,
  );
  writeFileSync(
    `${base}.json`,
    `${JSON.stringify(
      {
        date: started.toISOString(),
        seconds: Math.round((Date.now() - started.getTime()) / 1000),
        secondsByScenario: durations,
        arguments: process.argv.slice(2),
        machine: final,
        cores: pinning
          ? { store: pinning.storeCores, others: pinning.otherCores, pinned: pinning.pinned }
          : 'shared',
        servers: { mongodb: servers.MONGODB_SERVER, source: servers.SOURCE },
        results,
        markdown,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(`${base}.md`, markdown);
  process.stdout.write(`\nwrote ${base}.json and ${base}.md\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
