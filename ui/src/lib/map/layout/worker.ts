// The layout Web Worker: layouts of large accounts never block the window.
import { arrange, type ArrangeRequest } from './arrange';

self.onmessage = (e: MessageEvent<{ id: number; request: ArrangeRequest }>) => {
  const { id, request } = e.data;
  try {
    self.postMessage({ id, positions: arrange(request) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
