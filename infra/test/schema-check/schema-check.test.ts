import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '@civic/dev-platform';
import { checkReport } from '../../src/schema-check/check-report.ts';
import { knownOperation } from '../../src/schema-check/known-operations.ts';
import { checkPassed, checkSchemaChanges } from '../../src/schema-check/schema-check.ts';

const RESIDENTS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@inaccessible"])
  type Query {
    resident(id: ID!): Resident
    residents(status: ResidentStatus, first: Int): [Resident!]!
  }
  type Resident @key(fields: "id") {
    id: ID!
    name: String!
    phone: String
    organisationPath: [ID!]! @inaccessible
  }
  enum ResidentStatus { ACTIVE CLOSED }
`;

/** A one-subgraph supergraph from the SDL above, edited by `edit`. */
function supergraph(edit: (sdl: string) => string = (sdl) => sdl, url = 'http://127.0.0.1:4001/graphql'): string {
  return composeSupergraph([{ name: 'residents', url, typeDefs: edit(RESIDENTS_SDL) }]);
}

const NEIGHBOUR = knownOperation('infra/operations/Neighbour.graphql', 'query Neighbour($id: ID!) { resident(id: $id) { name phone } }');
const ACTIVE_NAMES = knownOperation('README.md line 12', '{ residents(status: ACTIVE) { name } }');
const OPERATIONS = [NEIGHBOUR, ACTIVE_NAMES];
const RELEASED = supergraph();

describe('the schema check', () => {
  it('fails on a deleted field, naming it and the operation that selects it', async () => {
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: supergraph((sdl) => sdl.replace('phone: String', '')), operations: OPERATIONS, intended: [] });

    expect(result.breaking).toEqual([
      {
        path: 'Resident.phone',
        message: "Field 'phone' was removed from object type 'Resident'",
        type: 'FIELD_REMOVED',
        reason: expect.any(String),
        breaks: [{ operation: NEIGHBOUR, errors: ['Cannot query field "phone" on type "Resident".'] }],
      },
    ]);
    expect(checkPassed(result)).toBe(false);
    const report = checkReport(result, 'infra/released/supergraph.graphql', 'infra/schema-changes.yaml');
    expect(report).toContain("BREAKING Resident.phone: Field 'phone' was removed from object type 'Resident' (FIELD_REMOVED)");
    expect(report).toContain('  breaks infra/operations/Neighbour.graphql (Neighbour): Cannot query field "phone" on type "Resident".');
    expect(report).toContain('add { path: Resident.phone, reason: ... } to infra/schema-changes.yaml');
    expect(report.split('\n').at(-1)).toBe('Schema check failed: 1 breaking change(s) not recorded as intended.');
  });

  it('passes on an added field, counting it as safe', async () => {
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: supergraph((sdl) => sdl.replace('phone: String', 'phone: String\n    email: String')), operations: OPERATIONS, intended: [] });

    expect(result).toEqual({ breaking: [], dangerous: [], safe: [{ path: 'Resident.email', message: "Field 'email' was added to object type 'Resident'", type: 'FIELD_ADDED' }], stale: [], invalid: [] });
    expect(checkPassed(result)).toBe(true);
    expect(checkReport(result, 'infra/released/supergraph.graphql', 'infra/schema-changes.yaml').split('\n')).toEqual([
      'API schema compared with infra/released/supergraph.graphql: 0 breaking (0 intended), 0 dangerous, 1 safe.',
      '',
      'safe: 1 FIELD_ADDED',
      '',
      'Schema check passed.',
    ]);
  });

  it('passes a deletion recorded as intended, printing its reason and the operation it breaks', async () => {
    const intended = [{ path: 'Resident.phone', reason: 'Phones move to Resident.contact; clients were told.' }];
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: supergraph((sdl) => sdl.replace('phone: String', '')), operations: OPERATIONS, intended });

    expect(result.breaking.map((change) => [change.path, change.intended])).toEqual([['Resident.phone', intended[0]]]);
    expect(result.invalid).toEqual([]);
    expect(checkPassed(result)).toBe(true);
    const report = checkReport(result, 'infra/released/supergraph.graphql', 'infra/schema-changes.yaml');
    expect(report).toContain("INTENDED BREAKING Resident.phone: Field 'phone' was removed from object type 'Resident' (FIELD_REMOVED)\n  reason: Phones move to Resident.contact; clients were told.\n  breaks infra/operations/Neighbour.graphql (Neighbour)");
  });

  it('reports an intended change that matches nothing as stale, and fails', async () => {
    const intended = [{ path: 'Resident.phone', reason: 'Phones move to Resident.contact.' }];
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: RELEASED, operations: OPERATIONS, intended });

    expect(result.stale).toEqual(intended);
    expect(checkPassed(result)).toBe(false);
    expect(checkReport(result, 'infra/released/supergraph.graphql', 'infra/schema-changes.yaml')).toContain(
      'STALE infra/schema-changes.yaml: Resident.phone matches no breaking change: remove the entry',
    );
  });

  it('lists an added enum value as dangerous and passes', async () => {
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: supergraph((sdl) => sdl.replace('ACTIVE CLOSED', 'ACTIVE CLOSED MOVED_AWAY')), operations: OPERATIONS, intended: [] });

    expect(result.dangerous.map(({ path, message, type }) => ({ path, message, type }))).toEqual([
      { path: 'ResidentStatus.MOVED_AWAY', message: "Enum value 'MOVED_AWAY' was added to enum 'ResidentStatus'", type: 'ENUM_VALUE_ADDED' },
    ]);
    expect(checkPassed(result)).toBe(true);
    expect(checkReport(result, 'infra/released/supergraph.graphql', 'infra/schema-changes.yaml')).toContain("DANGEROUS ResidentStatus.MOVED_AWAY: Enum value 'MOVED_AWAY' was added to enum 'ResidentStatus' (ENUM_VALUE_ADDED)");
  });

  it('names the operations a removed enum value and a new required argument break', async () => {
    const current = supergraph((sdl) => sdl.replace('ACTIVE CLOSED', 'CLOSED').replace('resident(id: ID!)', 'resident(id: ID!, purpose: String!)'));
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: current, operations: OPERATIONS, intended: [] });

    expect(result.breaking.map((change) => [change.path, change.type, change.breaks.map(({ operation, errors }) => [operation.label, errors])])).toEqual([
      ['Query.resident.purpose', 'FIELD_ARGUMENT_ADDED', [['infra/operations/Neighbour.graphql (Neighbour)', ['Field "resident" argument "purpose" of type "String!" is required, but it was not provided.']]]],
      ['ResidentStatus.ACTIVE', 'ENUM_VALUE_REMOVED', [['README.md line 12 ({ residents(status: ACTIVE) { name } })', ['Value "ACTIVE" does not exist in "ResidentStatus" enum.']]]],
    ]);
  });

  it('compares what clients see: routing URLs and @inaccessible fields are not part of it', async () => {
    const current = supergraph((sdl) => sdl.replace('organisationPath: [ID!]! @inaccessible', 'organisationPath: [ID!]! @inaccessible\n    streetId: ID @inaccessible'), 'http://residents.internal:8080/graphql');
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: current, operations: OPERATIONS, intended: [] });

    expect(result).toEqual({ breaking: [], dangerous: [], safe: [], stale: [], invalid: [] });
  });

  it('fails on a known operation the schema refuses whatever changed', async () => {
    const typo = knownOperation('infra/operations/Typo.graphql', 'query Typo { residents { nmae } }');
    const result = await checkSchemaChanges({ releasedSupergraph: RELEASED, currentSupergraph: RELEASED, operations: [typo], intended: [] });

    expect(result.invalid).toEqual([{ operation: typo, errors: ['Cannot query field "nmae" on type "Resident". Did you mean "name"?'] }]);
    expect(checkPassed(result)).toBe(false);
  });
});
