import { createClient, NetworkError, type ExecutionResult } from 'graphql-sse';
import type { GraphQLFormattedError } from 'graphql';

/** The requirement: a subscriber hears of a change within a second of the mutation. */
export const DELIVERY_LIMIT_MS = 1_000;

/** A message as the client reads it: the answer of the query the push ran. */
export type LiveMessage = ExecutionResult<Record<string, unknown>> & { errors?: readonly GraphQLFormattedError[] };

export interface LiveSubscription {
  /** The next message; fails the test when none arrives within `withinMs`. */
  next(withinMs?: number): Promise<LiveMessage>;
  /**
   * The messages up to the first that `matches`, which must arrive within `withinMs`: one
   * mutation may publish several events (publishing a request: published, then routed), each a push.
   */
  until(matches: (message: LiveMessage) => boolean, withinMs?: number): Promise<LiveMessage[]>;
  /** Settles when the server ends the stream. */
  readonly completed: Promise<void>;
  stop(): void;
}

/** A refusal answered before the stream opens: its HTTP status and JSON errors. */
export interface StreamRefused {
  status: number;
  errors: GraphQLFormattedError[];
}

/**
 * Subscribes through graphql-sse's own client (distinct connections, no retries), resolving once
 * the gateway has accepted the stream, so what happens afterwards is heard; or with the refusal
 * when the gateway answers before opening it.
 */
export function subscribe(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<LiveSubscription | StreamRefused> {
  const client = createClient({ url, retryAttempts: 0, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const messages: LiveMessage[] = [];
  let wake: (() => void) | undefined;
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  return new Promise((resolve, reject) => {
    const subscription: LiveSubscription = {
      async next(withinMs = DELIVERY_LIMIT_MS) {
        const deadline = Date.now() + withinMs;
        while (messages.length === 0) {
          const left = deadline - Date.now();
          if (left <= 0) throw new Error(`No message within ${withinMs} ms`);
          await new Promise<void>((woken) => {
            const timer = setTimeout(woken, left);
            wake = () => {
              clearTimeout(timer);
              woken();
            };
          });
        }
        return messages.shift()!;
      },
      async until(matches, withinMs = DELIVERY_LIMIT_MS) {
        const deadline = Date.now() + withinMs;
        const heard: LiveMessage[] = [];
        do heard.push(await subscription.next(Math.max(deadline - Date.now(), 1)));
        while (!matches(heard.at(-1)!));
        return heard;
      },
      completed,
      stop: () => client.dispose(),
    };
    client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next(message) {
          messages.push(message as LiveMessage);
          wake?.();
        },
        error(error) {
          if (error instanceof NetworkError && error.response) {
            void (error.response as Response).json().then((body: { errors: GraphQLFormattedError[] }) => resolve({ status: error.response!.status, errors: body.errors }), reject);
          } else reject(error instanceof Error ? error : new Error(String(error)));
        },
        complete,
      },
      { connected: () => resolve(subscription) },
    );
  });
}

/** The subscription, failing the test when the gateway refused it before opening the stream. */
export async function mustSubscribe(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<LiveSubscription> {
  const answer = await subscribe(url, token, query, variables);
  if ('status' in answer) throw new Error(`The stream was refused: ${answer.status} ${JSON.stringify(answer.errors)}`);
  return answer;
}

/** The refusal, failing the test when the gateway opened the stream instead. */
export async function refusedStream(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<StreamRefused> {
  const answer = await subscribe(url, token, query, variables);
  if (!('status' in answer)) {
    answer.stop();
    throw new Error('The stream was opened');
  }
  return answer;
}
