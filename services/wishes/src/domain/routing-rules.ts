import type { HandlingLevel, WishCategory } from './vocabulary.ts';
import type { OrganisationKind } from '../generated/graph/graphql.ts';

/**
 * Who handles a request (诉求分类流转), kept as data. The first rule whose category matches and
 * whose tags (if any) meet the request's tags applies; its id and description are stored on the
 * request, so every routing can be explained later.
 *
 * A rule names its handler as a source: the property company of the community's tripartite
 * agreement, an organisation kind looked for within the community (first found wins), or the
 * organisation at the rule's level on the community's own path (community, street, district).
 */
export type HandlerSource =
  | { type: 'AGREEMENT_PROPERTY_COMPANY' }
  | { type: 'ORGANISATION_KIND'; kind: OrganisationKind }
  | { type: 'PATH_LEVEL' };

export interface RoutingRule {
  id: string;
  description: string;
  category: WishCategory;
  /** The rule applies only when the request carries one of these tags. */
  anyTag?: readonly string[];
  level: HandlingLevel;
  /** Tried in order; the last one should always be found (a PATH_LEVEL). */
  handlers: readonly HandlerSource[];
}

const PROPERTY_TAGS = ['物业', '电梯', '停车', '绿化', '保洁'];

export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'property-tagged',
    description: '带物业类标签的诉求交三方协议约定的物业公司办理',
    category: 'SELF_GOVERNANCE',
    anyTag: PROPERTY_TAGS,
    level: 'COMMUNITY',
    handlers: [{ type: 'AGREEMENT_PROPERTY_COMPANY' }, { type: 'PATH_LEVEL' }],
  },
  {
    id: 'market-service',
    description: '市场服务类诉求交三方协议约定的物业公司，按协议时限办理',
    category: 'MARKET_SERVICE',
    level: 'COMMUNITY',
    handlers: [{ type: 'AGREEMENT_PROPERTY_COMPANY' }, { type: 'PATH_LEVEL' }],
  },
  {
    id: 'self-governance',
    description: '民主自治类诉求交居委会，无居委会时由社区党组织办理',
    category: 'SELF_GOVERNANCE',
    level: 'COMMUNITY',
    handlers: [{ type: 'ORGANISATION_KIND', kind: 'RESIDENTS_COMMITTEE' }, { type: 'PATH_LEVEL' }],
  },
  {
    id: 'government-affairs',
    description: '政务类诉求经街道转职能部门办理',
    category: 'GOVERNMENT_AFFAIRS',
    level: 'STREET',
    handlers: [{ type: 'PATH_LEVEL' }],
  },
  {
    id: 'public-welfare',
    description: '公益类诉求交社会组织、志愿服务队或社区办理',
    category: 'PUBLIC_WELFARE',
    level: 'COMMUNITY',
    handlers: [{ type: 'ORGANISATION_KIND', kind: 'SOCIAL_ORGANISATION' }, { type: 'ORGANISATION_KIND', kind: 'VOLUNTEER_TEAM' }, { type: 'PATH_LEVEL' }],
  },
];

/** The rule for a request; every category has a rule without tags, so one always applies. */
export function selectRoutingRule(category: WishCategory, tags: readonly string[], rules: readonly RoutingRule[] = ROUTING_RULES): RoutingRule {
  const rule = rules.find((candidate) => candidate.category === category && (!candidate.anyTag || candidate.anyTag.some((tag) => tags.includes(tag))));
  if (!rule) throw new Error(`No routing rule for category ${category}`);
  return rule;
}

/** The organisations a routing may pick from, as the graph reported them. */
export interface RoutingCandidates {
  propertyCompany: { id: string; path: string[] } | null;
  byKind: ReadonlyMap<string, { id: string; path: string[] }>;
}

export interface ChosenHandler {
  id: string;
  path: string[];
}

/** The first handler source of the rule that names an organisation. */
export function chooseHandler(rule: RoutingRule, organisationPath: readonly string[], candidates: RoutingCandidates): ChosenHandler {
  for (const source of rule.handlers) {
    if (source.type === 'AGREEMENT_PROPERTY_COMPANY' && candidates.propertyCompany) return candidates.propertyCompany;
    if (source.type === 'ORGANISATION_KIND') {
      const found = candidates.byKind.get(source.kind);
      if (found) return found;
    }
    if (source.type === 'PATH_LEVEL') return organisationAtLevel(organisationPath, rule.level);
  }
  return organisationAtLevel(organisationPath, rule.level);
}

/** The community (last), street (one above) or district (two above) of a community's path. */
export function organisationAtLevel(organisationPath: readonly string[], level: HandlingLevel): ChosenHandler {
  const stepsUp = level === 'COMMUNITY' ? 0 : level === 'STREET' ? 1 : 2;
  const index = Math.max(0, organisationPath.length - 1 - stepsUp);
  return { id: organisationPath[index]!, path: organisationPath.slice(0, index + 1) };
}

/**
 * Where a handler sits for a request of the community with this path: within the community, the
 * street, or the district (the deadline job escalates from there); null outside the district.
 */
export function handlingLevelOf(organisationPath: readonly string[], handlerPath: readonly string[]): HandlingLevel | null {
  const levels: readonly HandlingLevel[] = ['COMMUNITY', 'STREET', 'DISTRICT'];
  const index = levels.findIndex((_level, stepsUp) => {
    const ancestor = organisationPath.at(-1 - stepsUp);
    return ancestor !== undefined && handlerPath.includes(ancestor);
  });
  return index < 0 ? null : levels[index]!;
}
