import { randomUUID } from 'node:crypto';

/** Header that names one request across the gateway and every subgraph it reaches. */
export { REQUEST_ID_HEADER } from '@civic/subgraph-identity';

// Room for a UUID, a ULID or a proxy's trace-style id; nothing that could break a log line or a header.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is a sane one (at most 128 letters, digits and `._:-`), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
