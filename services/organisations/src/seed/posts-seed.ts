import type { PostDocument } from '../models/post.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { audienceError, MAX_BODY_LENGTH, MAX_TITLE_LENGTH, POST_KINDS } from '../domain/post-rules.ts';
import { chinaMonth, type ObjectIdSource, type Random, type Timeline } from '@civic/seed-kit';
import type { CommunityOrganisations, StreetOrganisations } from './organisations-seed.ts';
import { POST_TEMPLATES } from './text/civic-text.ts';

/** Who publishes to whom on the micro-platform (微平台), and the names the texts mention. */
export interface PostSetting {
  /** Publishers and, for each, the audiences it may address (itself or parts of its subtree). */
  channels: readonly { publisher: OrganisationDocument; audiences: readonly OrganisationDocument[] }[];
  /** The community or street named in news ("新城社区", "江心洲街道"). */
  place: string;
  compounds: readonly string[];
}

/** A community's party committee, residents' committee and service centre publish, to themselves or the committee's branches. */
export function communityPosts(community: CommunityOrganisations): PostSetting {
  return {
    channels: [
      { publisher: community.community, audiences: [community.residentsCommittee, ...community.branches] },
      { publisher: community.residentsCommittee, audiences: [community.residentsCommittee] },
      { publisher: community.serviceCentre, audiences: [community.serviceCentre] },
    ],
    place: community.name,
    compounds: community.compounds,
  };
}

/** A street's committee publishes to itself or its communities; its service centre to itself. */
export function streetPosts(street: StreetOrganisations): PostSetting {
  return {
    channels: [
      { publisher: street.street, audiences: street.communities.map((community) => community.community) },
      { publisher: street.serviceCentre, audiences: [street.serviceCentre] },
    ],
    place: street.name,
    compounds: street.communities.flatMap((community) => community.compounds),
  };
}

const PUBLIC_RATE = { NEWS: 0.9, POLICY: 0.7, VOLUNTEER_CALL: 0.85, NOTICE: 0.6 } as const;

/** Posts of the last four months, news, policy, volunteer calls and notices. */
export function publishPosts(setting: PostSetting, count: number, timeline: Timeline, random: Random, ids: ObjectIdSource, posts: PostDocument[]): void {
  for (let index = 0; index < count; index++) {
    const kind = random.pick(POST_KINDS);
    const template = random.pick(POST_TEMPLATES[kind]);
    const { publisher, audiences } = random.pick(setting.channels);
    const audience = random.chance(0.8) ? publisher : random.pick(audiences);
    const publishedAt = timeline.at(-random.int(1, 120), random.int(8, 20), random.int(0, 59));
    const post: PostDocument = {
      _id: ids.next(),
      publisherId: publisher._id,
      audienceId: audience._id,
      audienceGridId: null,
      audiencePath: audience.path,
      kind,
      title: template.title({ place: setting.place, compound: random.pick(setting.compounds), year: timeline.year, month: chinaMonth(publishedAt) }),
      body: template.body,
      publishedAt,
      public: random.chance(PUBLIC_RATE[kind]),
    };
    const problem = audienceError(publisher._id, audience.path) ?? (post.title.length > MAX_TITLE_LENGTH || post.body.length > MAX_BODY_LENGTH ? 'text too long' : null);
    if (problem) throw new Error(`seed: post ${post.title}: ${problem}`);
    posts.push(post);
  }
}
