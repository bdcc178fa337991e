import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { resident, staff } from '@civic/test-harness';
import { canSeePost, isAimedAt, placesOf, postReadingOf, NO_PLACES, type PostAudience } from '../src/domain/post-audience.ts';
import { service } from './support/viewers.ts';

const anId = () => new Types.ObjectId();
const [district, street, communityA, communityB, branchA, unitB] = [anId(), anId(), anId(), anId(), anId(), anId()] as const;
const [generalGrid, microGrid1, microGrid2] = [anId(), anId(), anId()] as const;
const residentId = new Types.ObjectId().toHexString();
/** A resident of micro-grid 1, under the general grid of community A. */
const inMicroGrid1 = placesOf({ organisationPath: [district, street, communityA], gridPath: [generalGrid, microGrid1] }, []);

const forOrganisation = (path: Types.ObjectId[], isPublic = false): PostAudience => ({ public: isPublic, audienceId: path.at(-1)!, audienceGridId: null, audiencePath: path });
const forGrid = (organisationPath: Types.ObjectId[], gridPath: Types.ObjectId[]): PostAudience => ({
  public: false,
  audienceId: organisationPath.at(-1)!,
  audienceGridId: gridPath.at(-1)!,
  audiencePath: [...organisationPath, ...gridPath],
});

describe('isAimedAt', () => {
  it('reaches a resident from every organisation above them and their grids', () => {
    for (const post of [forOrganisation([district]), forOrganisation([district, street]), forOrganisation([district, street, communityA]), forGrid([district, street, communityA], [generalGrid]), forGrid([district, street, communityA], [generalGrid, microGrid1])]) {
      expect(isAimedAt(post, inMicroGrid1)).toBe(true);
    }
  });

  it('misses them from another community, a part below their community and another grid', () => {
    for (const post of [forOrganisation([district, street, communityB]), forOrganisation([district, street, communityA, branchA]), forGrid([district, street, communityA], [generalGrid, microGrid2])]) {
      expect(isAimedAt(post, inMicroGrid1)).toBe(false);
    }
  });
});

describe('placesOf', () => {
  it('joins where the caller lives with the paths of what they act for, once each', () => {
    const places = placesOf({ organisationPath: [district, street, communityA], gridPath: [generalGrid] }, [[district, street, communityB, unitB]]);
    expect(places).toEqual({ organisationIds: [district, street, communityA, communityB, unitB], gridIds: [generalGrid] });
    expect(placesOf(null, [])).toEqual(NO_PLACES);
  });
});

describe('canSeePost', () => {
  const nonPublicA = forOrganisation([district, street, communityA]);

  it('shows a public post to everyone, a non-public one to anonymous callers and analysts never', () => {
    expect(canSeePost(ANONYMOUS, forOrganisation([district, street, communityB], true), NO_PLACES)).toBe(true);
    expect(canSeePost(ANONYMOUS, nonPublicA, NO_PLACES)).toBe(false);
    expect(canSeePost(staff('ANALYST', []), nonPublicA, inMicroGrid1)).toBe(false);
  });

  it('shows a non-public post to its audience, covering staff and services', () => {
    expect(canSeePost(resident(residentId), nonPublicA, inMicroGrid1)).toBe(true);
    expect(canSeePost(resident(residentId), forOrganisation([district, street, communityB]), inMicroGrid1)).toBe(false);
    expect(canSeePost(staff('GRID_WORKER', [communityA.toHexString()]), forGrid([district, street, communityA], [generalGrid, microGrid2]), NO_PLACES)).toBe(true);
    expect(canSeePost(staff('GRID_WORKER', [communityB.toHexString()]), nonPublicA, NO_PLACES)).toBe(false);
    expect(canSeePost(service, nonPublicA, NO_PLACES)).toBe(true);
  });

  it('reads posts by audience for people, all for services, public ones for analysts and anonymous callers', () => {
    expect([resident(residentId), staff('STREET_ADMIN', []), ANONYMOUS, staff('ANALYST', []), service].map(postReadingOf)).toEqual(['BY_AUDIENCE', 'BY_AUDIENCE', 'PUBLIC_ONLY', 'PUBLIC_ONLY', 'EVERY_POST']);
  });
});
