import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import { aTree, FakeGraph } from '../src/fake-graph.ts';

/** A document as a service would send it (services get theirs generated; here the shape is written out). */
const documentOf = <TResult, TVariables>(source: string) => parse(source) as TypedDocumentNode<TResult, TVariables>;

describe('the fake graph', () => {
  it('answers organisations with their path, ancestors and active partnerships, and null for an unknown id', async () => {
    const graph = new FakeGraph();
    const tree = aTree(graph);
    const unit = graph.organisation('CO_BUILDING_UNIT');
    graph.partnership(unit, tree.community);
    const ORGANISATION = documentOf<unknown, { id: string }>(
      'query($id: ID!) { organisation(id: $id) { id kind path ancestors { kind } partnerships(status: ACTIVE) { edges { node { community { id } } } } } }',
    );
    expect(await graph.request(ORGANISATION, { id: tree.propertyCompany })).toEqual({
      organisation: {
        id: tree.propertyCompany,
        kind: 'PROPERTY_COMPANY',
        path: [tree.district, tree.street, tree.community, tree.propertyCompany],
        ancestors: [{ kind: 'DISTRICT_COMMITTEE' }, { kind: 'STREET_COMMITTEE' }, { kind: 'COMMUNITY_PARTY_COMMITTEE' }],
        partnerships: { edges: [] },
      },
    });
    expect(await graph.request(ORGANISATION, { id: unit })).toEqual({
      organisation: { id: unit, kind: 'CO_BUILDING_UNIT', path: [unit], ancestors: [], partnerships: { edges: [{ node: { community: { id: tree.community } } }] } },
    });
    expect(await graph.request(ORGANISATION, { id: '0'.repeat(24) })).toEqual({ organisation: null });
  });

  it('answers residents, grids and wishes from what the test registered', async () => {
    const graph = new FakeGraph();
    const tree = aTree(graph);
    const branch = graph.organisation('PARTY_BRANCH', tree.community);
    const team = graph.organisation('VOLUNTEER_TEAM', tree.community);
    const member = graph.resident(tree.community, { partyBranchId: branch });
    const neighbour = graph.resident(undefined, { household: { pairedMemberId: member }, volunteerTeamIds: [team] });
    const grid = graph.grid({ level: 'MICRO', communityId: tree.community, partyBranchId: branch });
    const wish = graph.wish(tree.otherCommunity);
    const QUERY = documentOf<unknown, { resident: string; grid: string; wish: string }>(`query($resident: ID!, $grid: ID!, $wish: ID!) {
      resident(id: $resident) { community { path } household { pairedMember { id } } partyMembership { branch { id } } volunteerProfile { teams { id } } }
      grid(id: $grid) { level organisationPath community { id } partyBranch { id } responsiblePerson { id } }
      wish(id: $wish) { organisationPath }
    }`);
    expect(await graph.request(QUERY, { resident: neighbour, grid, wish })).toEqual({
      resident: { community: { path: [tree.district, tree.street, tree.community] }, household: { pairedMember: { id: member } }, partyMembership: null, volunteerProfile: { teams: [{ id: team }] } },
      grid: { level: 'MICRO', organisationPath: [tree.district, tree.street, tree.community], community: { id: tree.community }, partyBranch: { id: branch }, responsiblePerson: null },
      wish: { organisationPath: [tree.district, tree.street, tree.otherCommunity] },
    });
  });

  it("finds organisations of a kind within a subtree, and a community's agreements newest first", async () => {
    const graph = new FakeGraph();
    const tree = aTree(graph);
    const secondCompany = graph.organisation('PROPERTY_COMPANY', tree.community);
    graph.agreement({ communityId: tree.community, propertyCompanyId: tree.propertyCompany, responseDeadlineHours: 24, resolutionDeadlineHours: 72 });
    graph.agreement({ communityId: tree.community, propertyCompanyId: secondCompany, responseDeadlineHours: 12, resolutionDeadlineHours: 48 });
    const QUERY = documentOf<unknown, { community: string }>(`query($community: ID!) {
      organisations(filter: { within: $community, kind: PROPERTY_COMPANY }, first: 1) { edges { node { id } } }
      agreements(communityId: $community) { edges { node { propertyCompany { id } responseDeadlineHours } } totalCount }
    }`);
    expect(await graph.request(QUERY, { community: tree.community })).toEqual({
      organisations: { edges: [{ node: { id: tree.propertyCompany } }] },
      agreements: {
        edges: [{ node: { propertyCompany: { id: secondCompany }, responseDeadlineHours: 12 } }, { node: { propertyCompany: { id: tree.propertyCompany }, responseDeadlineHours: 24 } }],
        totalCount: 2,
      },
    });
    expect(await graph.request(QUERY, { community: tree.otherCommunity })).toEqual({ organisations: { edges: [] }, agreements: { edges: [], totalCount: 0 } });
  });

  it('refuses a document the composed supergraph does not accept, as the gateway would, and records what was sent', async () => {
    const graph = new FakeGraph();
    const WRONG = documentOf<unknown, { id: string }>('query($id: ID!) { organisation(id: $id) { id secretField } }');
    await expect(graph.request(WRONG, { id: 'a' })).rejects.toThrow('The graph refused a service query: Cannot query field "secretField" on type "Organisation".');
    expect(graph.requests).toEqual([{ document: WRONG, variables: { id: 'a' } }]);
  });
});
