/**
 * Apollo Router's external coprocessing protocol, as far as this coprocessor speaks it: the router
 * POSTs one JSON object per stage it is configured for, and takes the answer's `control`,
 * `headers`, `context` and (on a break) `body` in place of its own. What the answer leaves out
 * stays as it was; `id`, `stage` and `version` must come back unchanged.
 */

/** The stages this coprocessor is configured for (router.yaml's `coprocessor` section). */
export type CoprocessorStage = 'RouterRequest' | 'SubgraphRequest';

/** Headers as the router sends them: lower-case names, each with all its values. */
export type CoprocessorHeaders = Record<string, string[]>;

export interface CoprocessorRequest {
  version: number;
  stage: string;
  control: 'continue';
  id: string;
  headers?: CoprocessorHeaders;
  /** The request's context; `entries` holds what the router's plugins put there, by key. */
  context?: { entries: Record<string, unknown> };
  /** The subgraph a SubgraphRequest is for, as composed. */
  serviceName?: string;
  uri?: string;
  method?: string;
  subgraphRequestId?: string;
}

/** Stop the request: the router answers its caller with this status and the answer's `body`. */
export interface BreakControl {
  break: number;
}

export type CoprocessorResponse = Omit<CoprocessorRequest, 'control'> & { control: 'continue' | BreakControl; body?: unknown };

/** Where the router's JWT authentication leaves the verified claims of the caller's bearer token. */
export const JWT_CLAIMS_CONTEXT_KEY = 'apollo::authentication::jwt_claims';
/** Where the RouterRequest stage leaves the request id every subgraph request of the request carries. */
export const REQUEST_ID_CONTEXT_KEY = 'civic::request_id';
/** Where the RouterRequest stage leaves the caller's stated purpose (decoded, or null). */
export const PURPOSE_CONTEXT_KEY = 'civic::purpose';

/** The first value of a header, by lower-case name. */
export function headerValue(headers: CoprocessorHeaders | undefined, name: string): string | undefined {
  return headers?.[name]?.[0];
}
