/** One operation of the README's curl lines, with its variables and the README line it is on. */
export interface ReadmeOperation {
  query: string;
  variables?: Record<string, unknown>;
  line: number;
}

/**
 * The queries and mutations of the README's curl lines (`-d '{"query":"...","variables":{...}}'`).
 * Subscriptions are left out: the gateway serves them from its own SDL, not the supergraph's, and
 * prices each push as the query it runs.
 */
export function readmeOperations(readme: string): ReadmeOperation[] {
  return [...readme.matchAll(/-d '(\{"query".*?\})'$/gm)]
    .map((match) => ({ ...(JSON.parse(match[1]!) as Omit<ReadmeOperation, 'line'>), line: readme.slice(0, match.index).split('\n').length }))
    .filter(({ query }) => !query.trimStart().startsWith('subscription'));
}
