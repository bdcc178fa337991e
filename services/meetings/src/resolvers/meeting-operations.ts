import { Types, type QueryFilter } from 'mongoose';
import { invalidTransition, paginate, parseId, parseIds, requireSignedIn, requireStaffCovering, requireText, returnUpdated, signedInSubject, toObjectIds, invalidInput } from '@civic/service-kit';
import type { MeetingFilter, MutationResolvers, QueryResolvers, ScheduleMeetingInput } from '../generated/resolvers-types.ts';
import { MEETING_FIELDS, type MeetingDocument } from '../models/meeting.ts';
import { MAX_HOSTS, MEETING_STEP_RESULT, MEETING_TRANSITIONS, meetingLevel, venueError } from '../domain/meeting-rules.ts';
import type { MeetingStatus } from '../domain/vocabulary.ts';
import { MAX_PLACE_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../domain/text-limits.ts';
import { fetchOrganisations, type OrganisationFacts } from '../graph/organisations.ts';
import type { Context } from '../context.ts';
import { optionalText } from '../inputs/optional-text.ts';
import { meetingToRun } from './meeting-access.ts';
import { hostCountOutOfRange, hostsOutsideDistrict, meetingInThePast, scheduleMeetingElsewhere, stepMeetingOutOfScope, unknownHost } from '../errors.ts';

export const meetingQueries: QueryResolvers = {
  meeting: (_parent, { id }, { loaders }) => loaders.meeting.load(id),
  meetings: (_parent, { filter, first, after }, { models }) =>
    paginate(models.Meeting, meetingFilter(filter), { first, after }, { field: 'startsAt', direction: -1 }, MEETING_FIELDS),
};

export const meetingMutations: MutationResolvers = {
  scheduleMeeting: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const hostIds = parseIds('hostIds', [...new Set(input.hostIds)]);
    if (hostIds.length === 0 || hostIds.length > MAX_HOSTS) throw hostCountOutOfRange();
    const title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
    const venue = meetingVenue(input);
    if (input.startsAt.getTime() <= context.clock.now().getTime()) throw meetingInThePast();
    const hosts = await hostFacts(context, hostIds);
    requireStaffCovering(context.viewer, hosts[0]!.path, scheduleMeetingElsewhere);
    const level = meetingLevel(hosts.map((host) => host.kinds));
    if (level === null) throw hostsOutsideDistrict();

    const document: MeetingDocument = {
      _id: new Types.ObjectId(),
      kind: input.kind,
      title,
      hostIds,
      hostPaths: unionOfPaths(hosts),
      level,
      startsAt: input.startsAt,
      ...venue,
      status: 'PLANNED',
      openedAt: null,
      closedAt: null,
      createdAt: context.clock.now(),
      createdBy: signedInSubject(context.viewer),
    };
    await context.models.Meeting.create(document);
    return document;
  },
  openMeeting: (_parent, { id }, context) => stepMeeting(context, id, 'open'),
  closeMeeting: (_parent, { id }, context) => stepMeeting(context, id, 'close'),
  cancelMeeting: (_parent, { id }, context) => stepMeeting(context, id, 'cancel'),
};

/** Opens, closes or cancels: the allowed statuses sit in the update's filter, so two callers cannot both step. */
async function stepMeeting(context: Context, id: string, step: keyof typeof MEETING_TRANSITIONS): Promise<MeetingDocument> {
  const meeting = await meetingToRun(context, id, () => stepMeetingOutOfScope(step));
  const from: readonly MeetingStatus[] = MEETING_TRANSITIONS[step];
  if (!from.includes(meeting.status)) throw invalidTransition('Meeting', meeting.status, step);
  const now = context.clock.now();
  const stamps = step === 'open' ? { openedAt: now } : step === 'close' ? { closedAt: now } : {};
  const stepped = await context.models.Meeting.findOneAndUpdate(
    { _id: meeting._id, status: { $in: [...from] } },
    { $set: { status: MEETING_STEP_RESULT[step], ...stamps } },
    returnUpdated(MEETING_FIELDS),
  ).lean<MeetingDocument>();
  if (!stepped) throw invalidTransition('Meeting', MEETING_STEP_RESULT[step], step);
  return stepped;
}

function meetingVenue(input: ScheduleMeetingInput): Pick<MeetingDocument, 'place' | 'onlineUrl'> {
  const place = optionalText(input.place);
  const onlineUrl = optionalText(input.onlineUrl);
  const error = venueError(place, onlineUrl);
  if (error) throw invalidInput(error);
  return {
    place: place === null ? null : requireText('place', place, { max: MAX_PLACE_LENGTH }),
    onlineUrl: onlineUrl === null ? null : requireText('onlineUrl', onlineUrl, { max: MAX_URL_LENGTH }),
  };
}

/** The hosts as the organisations department knows them, in the input's order; an unknown one is BAD_USER_INPUT. */
async function hostFacts(context: Context, hostIds: readonly Types.ObjectId[]): Promise<OrganisationFacts[]> {
  const found = await fetchOrganisations(context.graph, hostIds.map((id) => id.toHexString()));
  return hostIds.map((id) => {
    const facts = found.get(id.toHexString());
    if (!facts) throw unknownHost(id.toHexString());
    return facts;
  });
}

function unionOfPaths(hosts: readonly OrganisationFacts[]): Types.ObjectId[] {
  return toObjectIds([...new Set(hosts.flatMap((host) => host.path))]);
}

function meetingFilter(filter: MeetingFilter | null | undefined): QueryFilter<MeetingDocument> {
  const query: QueryFilter<MeetingDocument> = {};
  if (!filter) return query;
  // Hosted anywhere in the subtree: some host's path holds the subtree's root.
  if (filter.hostWithin) query.hostPaths = parseId('filter.hostWithin', filter.hostWithin);
  if (filter.kind) query.kind = filter.kind;
  if (filter.status) query.status = filter.status;
  return query;
}
