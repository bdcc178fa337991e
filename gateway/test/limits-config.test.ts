import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@civic/identity';
import { callerTier } from '../src/limits/caller-tier.ts';
import { DEFAULT_QUERY_CAPS, DEFAULT_RATE_QUOTAS } from '../src/limits/limit-policy.ts';
import { limitsFromEnv } from '../src/limits/limits-config.ts';
import { countTokens } from '../src/limits/query-shape.ts';

const signedIn = (roles: Parameters<typeof callerTier>[0]['roles']) => ({ subject: 's', residentId: null, roles, scope: [] });

describe('a caller’s role for limits', () => {
  it('follows the viewer’s roles: service, then analyst, then staff, else resident', () => {
    expect(callerTier(ANONYMOUS)).toBe('anonymous');
    expect(callerTier(signedIn([]))).toBe('resident');
    expect(callerTier(signedIn(['RESIDENT', 'VOLUNTEER']))).toBe('resident');
    expect(callerTier(signedIn(['GRID_WORKER']))).toBe('staff');
    expect(callerTier(signedIn(['STREET_ADMIN', 'ANALYST']))).toBe('analyst');
    expect(callerTier(signedIn(['SERVICE', 'ANALYST']))).toBe('service');
  });
});

describe('the default limits', () => {
  it('give anonymous < resident < staff budgets, and analysts a larger budget at a lower rate', () => {
    const budget = (tier: keyof typeof DEFAULT_QUERY_CAPS) => DEFAULT_QUERY_CAPS[tier].costBudget;
    expect(budget('anonymous') < budget('resident') && budget('resident') < budget('staff') && budget('staff') < budget('analyst')).toBe(true);
    expect(DEFAULT_RATE_QUOTAS.analyst.requests < DEFAULT_RATE_QUOTAS.resident.requests).toBe(true);
  });

  it('let every role send the standard introspection query, all options on, under its token cap', () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    expect(parse(query).kind).toBe('Document');
    const smallestTokenCap = Math.min(...Object.values(DEFAULT_QUERY_CAPS).map((caps) => caps.maxTokens));
    expect(countTokens(query, smallestTokenCap)).toBe(184);
    expect(smallestTokenCap).toBeGreaterThan(184);
  });
});

describe('limits from the environment', () => {
  it('overrides the budgets and quotas of the roles named', () => {
    const config = limitsFromEnv({ QUERY_COST_BUDGETS: 'anonymous=100, analyst=500000', RATE_LIMITS: 'resident=7', RATE_LIMIT_WINDOW_SECONDS: '10', TRUST_PROXY: '1' });
    expect(config.queryCaps.anonymous).toEqual({ ...DEFAULT_QUERY_CAPS.anonymous, costBudget: 100 });
    expect(config.queryCaps.analyst.costBudget).toBe(500_000);
    expect(config.queryCaps.staff).toEqual(DEFAULT_QUERY_CAPS.staff);
    expect(config.rateLimits?.quotas?.resident).toEqual({ requests: 7, windowSeconds: 10 });
    expect(config.rateLimits?.quotas?.anonymous).toEqual({ requests: DEFAULT_RATE_QUOTAS.anonymous.requests, windowSeconds: 10 });
    expect(config.rateLimits?.mongoUri).toBeUndefined();
    expect(config.trustProxy).toBe(1);
  });

  it('turns rate limits off with RATE_LIMITS=off and names a shared store', () => {
    expect(limitsFromEnv({ RATE_LIMITS: 'off' }).rateLimits).toBeNull();
    expect(limitsFromEnv({ RATE_LIMIT_MONGODB_URI: 'mongodb://db:27017' }).rateLimits?.mongoUri).toBe('mongodb://db:27017');
    expect(limitsFromEnv({}).trustProxy).toBeUndefined();
  });

  it('stops at a malformed value, naming the variable', () => {
    expect(() => limitsFromEnv({ QUERY_COST_BUDGETS: 'admin=5' })).toThrow('QUERY_COST_BUDGETS must list role=number pairs of anonymous, resident, staff, analyst, service; got "admin=5"');
    expect(() => limitsFromEnv({ RATE_LIMITS: 'anonymous=many' })).toThrow('RATE_LIMITS must be whole numbers above 0; got "many"');
  });
});
