// Asks the layout worker for positions; where workers are unavailable (unit tests) the same
// code runs inline.
import { arrange, type ArrangeRequest } from './arrange';
import type { Positions } from './types';

type Reply = { id: number; positions?: Positions; error?: string };

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const waiting = pending.get(e.data.id);
      if (!waiting) return;
      pending.delete(e.data.id);
      if (e.data.positions) waiting.resolve(e.data.positions);
      else waiting.reject(new Error(e.data.error ?? 'layout failed'));
    };
    worker.onerror = (e) => {
      for (const w of pending.values()) w.reject(new Error(e.message || 'layout worker failed'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

export function runLayout(request: ArrangeRequest): Promise<Positions> {
  const w = getWorker();
  if (!w) return Promise.resolve().then(() => arrange(request));
  const id = ++next;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, request });
  });
}
