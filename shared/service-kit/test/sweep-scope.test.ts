import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { Role, Viewer } from '@civic/identity';
import { forbidden, notAnId, sweepSubtree, unauthenticated, unknownId } from '../src/index.ts';

const DISTRICT = '65f000000000000000000001';
const COMMUNITY = '65f000000000000000000003';
const OTHER = '65f000000000000000000009';
const PATHS: Record<string, string[]> = { [DISTRICT]: [DISTRICT], [COMMUNITY]: [DISTRICT, COMMUNITY], [OTHER]: [DISTRICT, OTHER] };
const REFUSALS = { wholeInstance: () => forbidden('run the sweep'), outOfScope: () => forbidden('run the sweep for this organisation') };

const viewer = (roles: Role[], scope: string[] = []): Viewer => ({ subject: 'someone', residentId: null, roles, scope });
const ANONYMOUS: Viewer = { subject: null, residentId: null, roles: [], scope: [] };

/** The subtree allowed, as a hex id (null: the whole instance), or the refusal, and the organisations looked up. */
async function sweepFor(who: Viewer, organisationId?: string | null) {
  const asked: string[] = [];
  const pathOf = async (id: string) => {
    asked.push(id);
    return PATHS[id] ?? null;
  };
  try {
    return { subtree: (await sweepSubtree(who, organisationId, pathOf, REFUSALS))?.toHexString() ?? null, asked };
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    return { refused: [message, extensions.code], asked };
  }
}

const refusal = (error: GraphQLError) => [error.message, error.extensions.code];

describe('what a sweep run on demand covers', () => {
  it('is the whole instance for district admins and services only', async () => {
    expect(await sweepFor(viewer(['DISTRICT_ADMIN'], [DISTRICT]))).toEqual({ subtree: null, asked: [] });
    expect(await sweepFor(viewer(['SERVICE']), null)).toEqual({ subtree: null, asked: [] });
    expect(await sweepFor(viewer(['COMMUNITY_WORKER'], [COMMUNITY]))).toEqual({ refused: refusal(REFUSALS.wholeInstance()), asked: [] });
    expect(await sweepFor(ANONYMOUS)).toEqual({ refused: refusal(unauthenticated()), asked: [] });
  });

  it('is a subtree for the staff whose scope covers it, and for services', async () => {
    expect(await sweepFor(viewer(['COMMUNITY_WORKER'], [COMMUNITY]), COMMUNITY)).toEqual({ subtree: COMMUNITY, asked: [COMMUNITY] });
    expect(await sweepFor(viewer(['STREET_ADMIN'], [DISTRICT]), COMMUNITY)).toEqual({ subtree: COMMUNITY, asked: [COMMUNITY] });
    expect(await sweepFor(viewer(['SERVICE']), OTHER)).toEqual({ subtree: OTHER, asked: [OTHER] });
    expect(await sweepFor(viewer(['COMMUNITY_WORKER'], [COMMUNITY]), OTHER)).toEqual({ refused: refusal(REFUSALS.outOfScope()), asked: [OTHER] });
    expect(await sweepFor(viewer(['COMMUNITY_WORKER'], [COMMUNITY]), DISTRICT)).toEqual({ refused: refusal(REFUSALS.outOfScope()), asked: [DISTRICT] });
  });

  it('refuses residents, volunteers and analysts before looking the organisation up', async () => {
    for (const roles of [['RESIDENT'], ['VOLUNTEER'], ['ANALYST']] as Role[][]) {
      expect(await sweepFor(viewer(roles, [COMMUNITY]), COMMUNITY)).toEqual({ refused: refusal(REFUSALS.outOfScope()), asked: [] });
    }
  });

  it('names organisationId when it is no id, or no organisation has it', async () => {
    expect(await sweepFor(viewer(['SERVICE']), 'community-3')).toEqual({ refused: refusal(notAnId('organisationId')), asked: [] });
    expect(await sweepFor(viewer(['SERVICE']), '65f0000000000000000000ff')).toEqual({ refused: refusal(unknownId('organisationId', 'organisation')), asked: ['65f0000000000000000000ff'] });
  });
});
