import { describe, expect, it } from 'vitest';
import { readmeOperations } from '../src/readme-operations.ts';

const README = [
  '# A heading',
  '```sh',
  `curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' \\`,
  `  -d '{"query":"{ me { name } }"}'`,
  `curl -N http://127.0.0.1:4000/graphql -H 'accept: text/event-stream' \\`,
  `  -d '{"query":"subscription { myNotifications { kind } }"}'`,
  `curl -s http://127.0.0.1:4000/graphql \\`,
  `  -d '{"query":"query Wish($id: ID!) { wish(id: $id) { title } }","variables":{"id":"w1"}}'`,
  '```',
].join('\n');

describe('the README operations', () => {
  it('are the curl lines’ queries with their variables and lines, subscriptions left out', () => {
    expect(readmeOperations(README)).toEqual([
      { query: '{ me { name } }', line: 4 },
      { query: 'query Wish($id: ID!) { wish(id: $id) { title } }', variables: { id: 'w1' }, line: 8 },
    ]);
  });
});
