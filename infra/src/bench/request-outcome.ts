import type { GraphResponse } from './graphql-client.ts';

/** How one request ended: null when it succeeded, else what to count it under and why. */
export type Failure = { kind: string; message: string } | null;

/**
 * A request failed when the answer is not HTTP 200 with data and no errors. Failures are counted
 * by GraphQL error code (CONFLICT, FORBIDDEN...), else by HTTP status, so a report can say which.
 */
export function failureOf(response: GraphResponse): Failure {
  const [error] = response.errors;
  if (error) {
    const code = error.extensions?.code;
    return { kind: typeof code === 'string' ? code : `HTTP ${response.status}`, message: error.message };
  }
  if (response.status !== 200) return { kind: `HTTP ${response.status}`, message: 'no GraphQL errors' };
  if (response.data === null) return { kind: 'NO_DATA', message: 'neither data nor errors' };
  return null;
}
