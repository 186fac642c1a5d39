import { readTrace, type TracedCommand } from './trace-record';

/** Commands that prepare collections: run once before a replay, not counted per document. */
const SETUP_COMMANDS = new Set(['createIndexes', 'listIndexes', 'create']);

/** The commands one process sent for one document while handling one message or request. */
export interface Step {
  key: string;
  /** `http` (the upload), `tracker`, or a stage consumer. */
  lane: string;
  /** The event consumed (consumer steps). */
  event?: string;
  documentId: string;
  startedAt: number;
  commands: TracedCommand[];
}

export interface Trace {
  steps: Step[];
  /** Index creation and lookups, in the order sent. */
  setup: TracedCommand[];
  /** Commands of no document: timers (outbox sweep, webhook dispatcher), shutdown, readiness. */
  background: TracedCommand[];
  /** First and last command of any document (epoch ms). */
  span: { from: number; to: number };
}

/** The document an upload request created: the `_id` of its `documents` insert. */
function uploadedDocument(commands: readonly TracedCommand[]): string | undefined {
  for (const c of commands) {
    if (c.name !== 'insert' || c.command.insert !== 'documents') continue;
    const id = (c.command.documents as { _id?: unknown }[] | undefined)?.[0]?._id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** Reads every process's trace and groups its commands into steps, setup and background. */
export function loadTrace(files: readonly { file: string; process: string }[]): Trace {
  const setup: TracedCommand[] = [];
  const background: TracedCommand[] = [];
  const byStep = new Map<string, TracedCommand[]>();
  for (const { file, process } of files) {
    for (const command of readTrace(file, process)) {
      if (SETUP_COMMANDS.has(command.name)) setup.push(command);
      else if (!command.step) background.push(command);
      else {
        const key = `${process}#${command.step.id}`;
        const list = byStep.get(key) ?? [];
        list.push(command);
        byStep.set(key, list);
      }
    }
  }
  const steps: Step[] = [];
  for (const [key, commands] of byStep) {
    const { lane, event, documentId } = commands[0]!.step!;
    const document = documentId ?? (lane === 'http' ? uploadedDocument(commands) : undefined);
    if (!document) {
      background.push(...commands);
      continue;
    }
    steps.push({
      key,
      lane,
      ...(event ? { event } : {}),
      documentId: document,
      startedAt: commands[0]!.startedAt,
      commands,
    });
  }
  steps.sort((a, b) => a.startedAt - b.startedAt);
  setup.sort((a, b) => a.startedAt - b.startedAt);
  const from = Math.min(...steps.map((s) => s.startedAt));
  const to = Math.max(...steps.flatMap((s) => s.commands.map((c) => c.endedAt)));
  return { steps, setup, background, span: { from, to } };
}
