import type { Caller } from './callers.ts';
import type { Operation } from './graphql-client.ts';

/** One request of a scenario: the operation and who sends it. */
export interface ScenarioRequest {
  operation: Operation;
  caller: Caller;
}

/** Something front-line users do, measured through the gateway (and, when it is one subgraph's, directly). */
export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  /** The only subgraph the operation's query plan touches: the scenario is also sent to it directly. */
  subgraph?: string;
  /**
   * Reads: the database commands one request must cost, by subgraph: one per entity type on each
   * path of each plan level, whatever the page length.
   */
  expectedCommands?: Record<string, number>;
  /** Reads that page take their page length in the variable `first`, so commands are counted at two lengths. */
  paged?: boolean;
  /** `count` requests, each valid on its own: a write gets a target no other request touches. */
  prepare(count: number): Promise<ScenarioRequest[]>;
}

/** A read sends the same request every time. */
export function repeated(request: ScenarioRequest): (count: number) => Promise<ScenarioRequest[]> {
  return async (count) => Array.from({ length: count }, () => request);
}
