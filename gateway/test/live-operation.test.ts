import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import { onlySubscriptionsStream, subscriptionFieldInFragment, unknownOperationName } from '../src/gateway-errors.ts';
import { liveSchemaOf } from '../src/live/live-schema.ts';
import { readLiveOperation, type LiveOperation } from '../src/live/live-operation.ts';

// How a subscription becomes the query each push runs; the graph's API schema reduced to what it needs.
const schema = liveSchemaOf(`
  type Query { wish(id: ID!): Wish notification(id: ID!): Notification organisation(id: ID!): Organisation mobilisation(id: ID!): Mobilisation }
  type Wish { id: ID! status: String! requester: Resident }
  type Mobilisation { id: ID! status: String! }
  type Resident { name: String! }
  type Notification { id: ID! title: String! }
  type Organisation { path: [ID!]! }
`);

function read(query: string, variables: Record<string, unknown> = {}, operationName?: string): LiveOperation {
  const operation = readLiveOperation(schema, { query, variables, operationName });
  if (Array.isArray(operation)) throw new Error(`refused: ${operation.map((error) => error.message).join('; ')}`);
  return operation;
}

function refusal(query: string, variables: Record<string, unknown> = {}, operationName?: string): [unknown, string][] {
  const errors = readLiveOperation(schema, { query, variables, operationName }) as GraphQLError[];
  return errors.map((error) => [error.extensions.code, error.message]);
}

describe('the query a subscription runs', () => {
  it('is its selection under the query field, with the fragments and variables it uses and the target as a variable of its own', () => {
    const operation = read(
      `subscription Follow($id: ID!, $full: Boolean!) { wishChanged(id: $id) { status ...Who requester @include(if: $full) { name } } }
       fragment Who on Wish { id }
       query Unrelated { organisation(id: "1") { path } }`,
      { id: 'w1', full: true },
      'Follow',
    );
    expect(operation).toMatchObject({ fieldName: 'wishChanged', args: { id: 'w1' }, variables: { full: true }, targetVariable: 'liveId', operationName: 'Follow' });
    expect(operation.query).toBe(
      'query Follow($full: Boolean!, $liveId: ID!) {\n  wish(id: $liveId) {\n    status\n    ...Who\n    requester @include(if: $full) {\n      name\n    }\n  }\n}\n\nfragment Who on Wish {\n  id\n}',
    );
  });

  it("names the target apart from the subscriber's own variables", () => {
    expect(read('subscription($liveId: ID!) { handlerQueueChanged(organisationId: $liveId) { id } }', { liveId: 'o1' })).toMatchObject({ args: { organisationId: 'o1' }, targetVariable: '_liveId', variables: {} });
  });

  it("gives the answer the subscription's response key, in its data and errors, unless the subscriber aliased it", () => {
    const plain = read('subscription { myNotifications { title } }');
    expect(plain.query).toBe('query ($liveId: ID!) {\n  notification(id: $liveId) {\n    title\n  }\n}');
    expect(plain.answerAsSubscribed({ data: { notification: null }, errors: [{ message: 'm', path: ['notification', 'title'] }] })).toEqual({
      data: { myNotifications: null },
      errors: [{ message: 'm', path: ['myNotifications', 'title'] }],
    });
    const aliased = read('subscription { mine: myNotifications { title } }');
    expect(aliased.query).toBe('query ($liveId: ID!) {\n  mine: notification(id: $liveId) {\n    title\n  }\n}');
    expect(aliased.answerAsSubscribed({ data: { mine: { title: 't' } } })).toEqual({ data: { mine: { title: 't' } } });
  });
});

describe('a subscription refused before it is followed', () => {
  it('answers what does not parse, fit the schema or resolve to one operation as Apollo Server answers a query', () => {
    expect(refusal('subscription {')).toEqual([['GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found <EOF>.']]);
    expect(refusal('subscription { wishChanged(id: "1") { colour } }')).toEqual([['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "colour" on type "Wish".']]);
    expect(refusal('subscription { wishChanged(id: "1") { id } handlerQueueChanged(organisationId: "2") { id } }')).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Anonymous Subscription must select only one top level field.'],
    ]);
    expect(refusal('subscription($id: ID!) { wishChanged(id: $id) { id } }', {})).toEqual([['BAD_USER_INPUT', 'Variable "$id" of required type "ID!" was not provided.']]);
    expect(refusal('subscription A { myNotifications { id } }', {}, 'B')).toEqual([['OPERATION_RESOLUTION_FAILURE', unknownOperationName('B').message]]);
  });

  it('refuses queries and mutations, and a field selected through a fragment', () => {
    expect(refusal('{ wish(id: "1") { id } }')).toEqual([['BAD_REQUEST', onlySubscriptionsStream().message]]);
    expect(refusal('subscription { ...F } fragment F on Subscription { myNotifications { id } }')).toEqual([['BAD_REQUEST', subscriptionFieldInFragment().message]]);
  });
});
