import { describe, expect, it } from 'vitest';
import { subgraphUnavailable } from '../src/gateway-errors.ts';
import { subgraphRefusal } from '../src/subgraph-refusal.ts';

describe("a subgraph's HTTP error as the client sees it", () => {
  it("is the subgraph's first typed error with its details and 4xx status, without stack or reply", () => {
    const body = {
      errors: [
        { message: 'title: too long', extensions: { code: 'BAD_USER_INPUT', field: 'title', stacktrace: ['at /srv/wishes/src/x.ts:1'], http: { status: 400 } } },
        { message: 'second', extensions: { code: 'FORBIDDEN' } },
      ],
    };
    const error = subgraphRefusal('wishes', 400, body);
    expect([error.message, error.extensions]).toEqual(['title: too long', { code: 'BAD_USER_INPUT', field: 'title', serviceName: 'wishes', http: { status: 400 } }]);
  });

  it('keeps a 5xx status out of the answer', () => {
    const error = subgraphRefusal('wishes', 503, { errors: [{ message: 'The database is unavailable; try again shortly', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
    expect(error.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', serviceName: 'wishes' });
  });

  it('says the subgraph is unavailable when its reply is no GraphQL answer', () => {
    for (const body of [null, '<html>502 Bad Gateway</html>', { errors: [] }, { errors: [{ message: 'no code' }] }, { data: null }]) {
      expect(subgraphRefusal('meetings', 502, body)).toEqual(subgraphUnavailable('meetings'));
    }
  });
});
