// The latest result of a re-runnable backend read (an analysis). While a new run is under way
// the previous result stays on screen (no flicker), and a slow old run never overwrites a newer one.
import { reportError } from '../stores/errors.svelte';

export class Latest<T> {
  value = $state<T | null>(null);
  loading = $state(false);
  #run = 0;

  /** Runs `load`; its result replaces the shown one unless a newer run started meanwhile.
   * A failure goes to the error banner, or to `onerror` when given (return true = handled). */
  async run(load: () => Promise<T>, onerror?: (e: unknown) => boolean): Promise<void> {
    const run = ++this.#run;
    this.loading = true;
    try {
      const value = await load();
      if (run === this.#run) this.value = value;
    } catch (e) {
      if (run === this.#run && !onerror?.(e)) reportError(e);
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  /** Forgets the result and ignores any run still under way. */
  clear(): void {
    this.#run++;
    this.value = null;
    this.loading = false;
  }
}
