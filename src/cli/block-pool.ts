import { isMainThread, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import { createClassifier } from '../classifier/create.js';
import type { Rule } from '../rules/types.js';
import { type BlockTask, type DecidedBlock, decideBlock } from './jsonl-block.js';

const WORKER_MARKER = 'sentry-expected-errors:replay-worker';

/** What a worker is started with: the rules travel by structured clone (RegExp included). */
interface WorkerSetup {
  readonly marker: typeof WORKER_MARKER;
  readonly rules: readonly Rule[];
  readonly maxTextLength: number | undefined;
}

type Reply =
  | { readonly id: number; readonly block: DecidedBlock }
  | { readonly id: number; readonly error: string };

interface Pending {
  readonly resolve: (block: DecidedBlock) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Worker threads that decide blocks of JSON Lines files, each with its own classifier compiled from the
 * same rules. A worker runs this very module (whatever file it was bundled into), which serves blocks
 * when it finds itself in a worker started here.
 */
export class BlockPool {
  readonly #workers: Array<{ readonly worker: Worker; readonly pending: Map<number, Pending> }> = [];
  #nextId = 0;
  #failure: Error | undefined;

  /** Starts `size` workers; throws (a `DataCloneError`) when the rules cannot be sent to a thread. */
  constructor(size: number, rules: readonly Rule[], maxTextLength: number | undefined) {
    const setup: WorkerSetup = { marker: WORKER_MARKER, rules, maxTextLength };
    try {
      for (let index = 0; index < size; index++) {
        const worker = startWorker(setup);
        const pending = new Map<number, Pending>();
        worker.on('message', (reply: Reply) => {
          const waiting = pending.get(reply.id);
          pending.delete(reply.id);
          if ('block' in reply) waiting?.resolve(reply.block);
          else waiting?.reject(new Error(`replay worker failed: ${reply.error}`));
        });
        const fail = (error: Error) => {
          this.#failure = error;
          for (const waiting of pending.values()) waiting.reject(error);
          pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`replay worker exited with code ${code}`)));
        this.#workers.push({ worker, pending });
      }
    } catch (error) {
      void this.close();
      throw error;
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Decides `task` on the least busy worker. */
  decide(task: BlockTask): Promise<DecidedBlock> {
    if (this.#failure) return Promise.reject(this.#failure);
    let chosen = this.#workers[0];
    for (const candidate of this.#workers) {
      if (chosen === undefined || candidate.pending.size < chosen.pending.size) chosen = candidate;
    }
    if (chosen === undefined) return Promise.reject(new Error('no replay workers'));
    const id = this.#nextId++;
    const target = chosen;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, task });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    const workers = this.#workers.splice(0);
    for (const { worker } of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

/**
 * A worker running this module. From the TypeScript source (tests, `tsx`) the worker first registers
 * the same loader; a built file is loaded as it is.
 */
function startWorker(setup: WorkerSetup): Worker {
  const script = import.meta.url;
  if (!script.endsWith('.ts')) return new Worker(new URL(script), { workerData: setup });
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(source, { eval: true, workerData: setup });
}

function isWorkerSetup(value: unknown): value is WorkerSetup {
  return typeof value === 'object' && value !== null && (value as WorkerSetup).marker === WORKER_MARKER;
}

/** The worker side: one classifier, then one reply per block, typed arrays moved rather than copied. */
function serveBlocks(port: MessagePort, setup: WorkerSetup): void {
  const classifier = createClassifier({
    rules: setup.rules,
    ...(setup.maxTextLength === undefined ? {} : { maxTextLength: setup.maxTextLength }),
  });
  port.on('message', ({ id, task }: { id: number; task: BlockTask }) => {
    let block: DecidedBlock;
    try {
      block = decideBlock(task, classifier);
    } catch (error) {
      port.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply);
      return;
    }
    const transfer = [
      block.lines,
      block.rules,
      block.outcomes,
      block.timestamps,
      block.textEnds,
      block.eventIdEnds,
    ].map((array) => array.buffer);
    port.postMessage({ id, block } satisfies Reply, transfer as ArrayBuffer[]);
  });
}

if (!isMainThread && parentPort && isWorkerSetup(workerData)) serveBlocks(parentPort, workerData);
