import { describe, expect, it } from 'vitest';
import { chooseHandler, handlingLevelOf, organisationAtLevel, ROUTING_RULES, selectRoutingRule, type RoutingCandidates } from '../../src/domain/routing-rules.ts';

const PATH = ['d1', 's1', 'c1'];
const NONE: RoutingCandidates = { propertyCompany: null, byKind: new Map() };
const property = { id: 'p1', path: ['d1', 's1', 'c1', 'p1'] };

describe('the routing table', () => {
  it('has a rule without tags for every category, so every request is routed', () => {
    const untagged = ROUTING_RULES.filter((rule) => !rule.anyTag).map((rule) => rule.category);
    expect(new Set(untagged)).toEqual(new Set(['GOVERNMENT_AFFAIRS', 'SELF_GOVERNANCE', 'MARKET_SERVICE', 'PUBLIC_WELFARE']));
  });

  it('sends market services to the property company of the agreement', () => {
    const rule = selectRoutingRule('MARKET_SERVICE', []);
    expect([rule.id, chooseHandler(rule, PATH, { ...NONE, propertyCompany: property })]).toEqual(['market-service', property]);
  });

  it('sends a self-governance request tagged 物业 to the property company, else to the residents committee or community', () => {
    expect(selectRoutingRule('SELF_GOVERNANCE', ['物业']).id).toBe('property-tagged');
    const rule = selectRoutingRule('SELF_GOVERNANCE', ['邻里纠纷']);
    expect(rule.id).toBe('self-governance');
    const committee = { id: 'r1', path: ['d1', 's1', 'c1', 'r1'] };
    expect(chooseHandler(rule, PATH, { ...NONE, byKind: new Map([['RESIDENTS_COMMITTEE', committee]]) })).toEqual(committee);
    expect(chooseHandler(rule, PATH, NONE)).toEqual({ id: 'c1', path: PATH });
  });

  it('sends government affairs to the street', () => {
    const rule = selectRoutingRule('GOVERNMENT_AFFAIRS', []);
    expect([rule.level, chooseHandler(rule, PATH, NONE)]).toEqual(['STREET', { id: 's1', path: ['d1', 's1'] }]);
  });

  it('sends public welfare to a social organisation first, then a volunteer team, then the community', () => {
    const rule = selectRoutingRule('PUBLIC_WELFARE', []);
    const team = { id: 't1', path: ['d1', 's1', 'c1', 't1'] };
    const social = { id: 'o1', path: ['d1', 's1', 'c1', 'o1'] };
    expect(chooseHandler(rule, PATH, { ...NONE, byKind: new Map([['VOLUNTEER_TEAM', team], ['SOCIAL_ORGANISATION', social]]) })).toEqual(social);
    expect(chooseHandler(rule, PATH, { ...NONE, byKind: new Map([['VOLUNTEER_TEAM', team]]) })).toEqual(team);
    expect(chooseHandler(rule, PATH, NONE)).toEqual({ id: 'c1', path: PATH });
  });

  it('falls back to the community when a market request has no agreement', () => {
    expect(chooseHandler(selectRoutingRule('MARKET_SERVICE', []), PATH, NONE)).toEqual({ id: 'c1', path: PATH });
  });

  it('finds the organisation of each level on a community path', () => {
    expect(['COMMUNITY', 'STREET', 'DISTRICT'].map((level) => organisationAtLevel(PATH, level as 'STREET').id)).toEqual(['c1', 's1', 'd1']);
  });

  it('places a reassigned handler at the level it sits on, and nowhere outside the district', () => {
    const handlers = [property.path, ['d1', 's1', 'c1'], ['d1', 's1', 'police'], ['d1', 'bureau'], ['d2', 'bureau2'], ['d1', 's2', 'c9']];
    expect(handlers.map((handlerPath) => handlingLevelOf(PATH, handlerPath))).toEqual(['COMMUNITY', 'COMMUNITY', 'STREET', 'DISTRICT', null, 'DISTRICT']);
  });
});
