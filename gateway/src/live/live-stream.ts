import type { FormattedExecutionResult } from 'graphql';

/** A message of the stream: an answer as the client reads it. */
type Push = FormattedExecutionResult;

/**
 * One subscriber's stream of pushes, as graphql-sse reads it: an async generator (next, return,
 * throw) that it ends when the client goes away, even while a next() waits. Targets offered while
 * a push is made wait their turn; a target already waiting is not queued twice, since its push
 * shows its latest state. `end` drops what waits and finishes with a last message, if given.
 */
export class LiveStream implements AsyncIterableIterator<Push, void> {
  readonly #waiting = new Set<string>();
  #ended = false;
  #last: Push | null = null;
  #wake: (() => void) | null = null;
  #settleEnded!: () => void;
  /** Settles when the stream ends, whoever ends it. */
  readonly ended = new Promise<void>((resolve) => (this.#settleEnded = resolve));

  constructor(
    private readonly push: (target: string) => Promise<Push>,
    private readonly onClose: () => void,
  ) {}

  offer(target: string): void {
    if (this.#ended) return;
    this.#waiting.add(target);
    this.#wake?.();
  }

  end(last: Push | null = null): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#last = last;
    this.onClose();
    this.#settleEnded();
    this.#wake?.();
  }

  async next(): Promise<IteratorResult<Push, void>> {
    for (;;) {
      const [target] = this.#waiting;
      if (target !== undefined && !this.#ended) {
        this.#waiting.delete(target);
        return { done: false, value: await this.push(target) };
      }
      if (this.#ended) {
        const last = this.#last;
        this.#last = null;
        return last ? { done: false, value: last } : { done: true, value: undefined };
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = null;
    }
  }

  return(): Promise<IteratorResult<Push, void>> {
    this.#waiting.clear();
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<Push, void>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
