import { expect, it } from 'vitest';
import { matchResources } from '../../src/domain/matching.ts';

const wish = { tags: ['助老', '维修'], organisationPath: ['district', 'street', 'community'] };
const candidate = (id: string, title: string, servedOrganisationId: string, servedDepth: number, tags: string[]) => ({ id, title, tags, servedOrganisationId, servedDepth });

it('keeps resources serving the wish path with a shared tag, nearest level first, then by title', () => {
  const candidates = [
    candidate('1', '区级助老服务', 'district', 0, ['助老']),
    candidate('2', '社区维修队', 'community', 2, ['维修']),
    candidate('3', '街道助老食堂', 'street', 1, ['助老', '助餐']),
    candidate('4', '社区爱心理发', 'community', 2, ['助老']),
    candidate('5', '其他社区维修', 'other-community', 2, ['维修']),
    candidate('6', '社区法律咨询', 'community', 2, ['法律']),
  ];
  expect(matchResources(wish, candidates, 10).map((match) => match.id)).toEqual(['4', '2', '3', '1']);
  expect(matchResources(wish, candidates, 2).map((match) => match.id)).toEqual(['4', '2']);
  expect(matchResources({ tags: [], organisationPath: wish.organisationPath }, candidates, 10)).toEqual([]);
});
