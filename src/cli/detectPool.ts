// Detection for `khabar detect` over many articles: the same work in-process or spread over worker
// threads, one per core by default. A worker is this very file started again (the CLI bundle, or
// the compiled module in tests), recognised by its workerData; it loads the model once and answers
// each article with its annotations already serialised, so the main thread only writes them out.

import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { detect } from '../core/detect';
import { installNodePlatform } from '../platform/node/install';
import { userListFor } from '../platform/node/userListFile';
import type { AnnotationKind } from '../core/types';

export interface DetectSettings {
  kinds?: AnnotationKind[];
  articleDate?: string;
  /** The --entities file, else each article's nearest .khabar/entities.yaml. */
  entities?: string;
}

export interface DetectTask {
  text: string;
  /** Where the article lives, for finding its user list ('-' for stdin and JSON Lines records). */
  listFor: string;
}

/** The annotations as the JSON array text, or why the recognisers failed on this article. */
export type DetectAnswer = { ok: true; json: string } | { ok: false; reason: string };

/** One article, exactly as the worker does it: the single place that calls detect() for the CLI. */
export function detectOne(task: DetectTask, settings: DetectSettings): DetectAnswer {
  // A worker thread starts with no platform: the model bytes and hashing come from Node here too.
  installNodePlatform();
  try {
    const annotations = detect(task.text, {
      kinds: settings.kinds ? new Set(settings.kinds) : undefined,
      figures: settings.articleDate ? { articleDate: settings.articleDate } : {},
      entities: { userList: userListFor(task.listFor, settings.entities) },
    });
    return { ok: true, json: JSON.stringify(annotations) };
  } catch (e) {
    return { ok: false, reason: `internal error: ${(e as Error).message}` };
  }
}

const ROLE = 'khabar-detect-worker';

interface WorkerInit {
  role: typeof ROLE;
  settings: DetectSettings;
}

interface Request {
  seq: number;
  task: DetectTask;
}

interface Reply {
  seq: number;
  answer: DetectAnswer;
}

export interface Detector {
  run(task: DetectTask): Promise<DetectAnswer>;
  /** Worker threads in use (0: in-process). */
  readonly workers: number;
  close(): Promise<void>;
}

/** In-process: for one article, or --jobs 1. */
export function inlineDetector(settings: DetectSettings): Detector {
  return {
    workers: 0,
    run: (task) => Promise.resolve(detectOne(task, settings)),
    close: () => Promise.resolve(),
  };
}

/** The default --jobs: every core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * `jobs` worker threads; each article goes to the worker with the fewest waiting. The caller
 * bounds how many are in flight (see runDetect), so nothing here queues without limit.
 */
export function workerDetector(jobs: number, settings: DetectSettings, entry = __filename): Detector {
  const init: WorkerInit = { role: ROLE, settings };
  const pending = new Map<number, { resolve: (a: DetectAnswer) => void; worker: number }>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let seq = 0;
  let failure: Error | undefined;
  for (let w = 0; w < jobs; w++) {
    const worker = new Worker(entry, { workerData: init });
    load.push(0);
    worker.on('message', (m: Reply) => {
      const p = pending.get(m.seq);
      if (!p) return;
      pending.delete(m.seq);
      load[p.worker]!--;
      p.resolve(m.answer);
    });
    const fail = (e: Error): void => {
      failure = e;
      // A worker that died takes its articles with it: say so for each rather than hang.
      for (const [k, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(k);
        p.resolve({ ok: false, reason: `internal error: worker thread failed: ${e.message}` });
      }
      load[w] = Number.POSITIVE_INFINITY;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`exited with code ${code}`));
    });
    workers.push(worker);
  }
  return {
    workers: jobs,
    run(task) {
      let best = 0;
      for (let w = 1; w < jobs; w++) if (load[w]! < load[best]!) best = w;
      if (load[best] === Number.POSITIVE_INFINITY) {
        return Promise.resolve({ ok: false, reason: `internal error: no worker thread left (${failure?.message ?? 'unknown'})` });
      }
      const s = seq++;
      load[best]!++;
      return new Promise<DetectAnswer>((resolve) => {
        pending.set(s, { resolve, worker: best });
        workers[best]!.postMessage({ seq: s, task } satisfies Request);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function runWorker(init: WorkerInit): void {
  const port = parentPort!;
  port.on('message', (m: Request) => {
    port.postMessage({ seq: m.seq, answer: detectOne(m.task, init.settings) } satisfies Reply);
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.role === ROLE) runWorker(workerData as WorkerInit);
