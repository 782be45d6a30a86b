/** Starts a batch worker thread from a module beside this one, under tsx (sources) or from a build. */
import { Worker } from 'node:worker_threads';

export function startWorker(name: string): Worker {
  // Under tsx the sources are .ts and the worker needs tsx's loader; in a build they are .js.
  const ts = /\.[mc]?ts$/.test(import.meta.url);
  const url = new URL(`./${name}.${ts ? 'ts' : 'js'}`, import.meta.url);
  if (!ts) return new Worker(url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

/** Resolves on the worker's first message: messages sent before its module has loaded would be lost. */
export function workerReady(w: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
}
