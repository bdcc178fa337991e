import type { AnyCivicEvent, EventKind, PartyRef } from '@civic/events';
import type { NotificationKind } from './vocabulary.ts';
import { chinaMinute } from './china-time.ts';

/**
 * What each event tells whom: the recipients of an event, the kind of each notification, the
 * records it is about and its text. Texts are made from the event's facts only (ids, times, a
 * rating): no title, name or reason of another department's record, which the recipient reads
 * from its owner through the references, under the owner's rules.
 *
 * A claim is won by `wish.claimed`. It is lost when the wish leaves its claimant: only
 * `wish.handedBack` does that (reopening keeps the claimant, and a refused concurrent claim is
 * answered at once and makes no event). A resident hands back only their own claim, so only an
 * organisation claimant is told: the staff member who handed it back may not be the one reading.
 */

/** The records a notification is about, by their owners' ids. */
export interface About {
  wishId?: string;
  meetingId?: string;
  actionItemId?: string;
  resourceId?: string;
  bookingId?: string;
  dataCorrectionRequestId?: string;
  mobilisationId?: string;
}

export interface Notice {
  recipient: PartyRef;
  kind: NotificationKind;
  about: About;
  title: string;
  body: string;
}

/** The kinds of event that notify anyone; the inbox consumer listens to these. */
export const NOTIFYING_EVENT_KINDS = [
  'wish.published',
  'wish.claimed',
  'wish.handedBack',
  'wish.fulfilled',
  'wish.confirmed',
  'wish.reopened',
  'wish.escalated',
  'request.routed',
  'request.dispatched',
  'request.resolved',
  'request.deadlineNear',
  'request.overdue',
  'actionItem.assigned',
  'actionItem.overdue',
  'booking.made',
  'dataCorrection.requested',
  'dataCorrection.decided',
  'mobilisation.overdue',
] as const satisfies readonly EventKind[];

const resident = (id: string): PartyRef => ({ type: 'Resident', id });
const organisation = (id: string): PartyRef => ({ type: 'Organisation', id });

/** A time for the text; the raw value if it is no instant, so a text never hides what the event said. */
const when = (iso: string) => chinaMinute(iso) ?? iso;

/** The notifications one event makes; none for an event that tells no one anything new. */
export function noticesFor(event: AnyCivicEvent): Notice[] {
  switch (event.kind) {
    case 'wish.published': {
      const { wishId, requesterId } = event.facts;
      return [{ recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '已通过审核', body: '您提交的事项已通过社区审核并发布。' }];
    }
    case 'wish.claimed': {
      const { wishId, requesterId, claimant } = event.facts;
      return [
        { recipient: claimant, kind: 'CLAIM_WON', about: { wishId }, title: '认领成功', body: '您已成功认领一个微心愿，请按约定提供服务。' },
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '心愿已被认领', body: '您的微心愿已被认领，服务即将开始。' },
      ];
    }
    case 'wish.handedBack': {
      const { wishId, requesterId, claimant } = event.facts;
      const lost: Notice[] =
        claimant.type === 'Organisation'
          ? [{ recipient: claimant, kind: 'CLAIM_LOST', about: { wishId }, title: '认领已交还', body: '本单位认领的一个微心愿已交还，重新开放认领。' }]
          : [];
      return [
        ...lost,
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '心愿重新开放认领', body: '认领人已交还您的微心愿，心愿重新开放认领。' },
      ];
    }
    case 'wish.fulfilled': {
      const { wishId, requesterId } = event.facts;
      return [{ recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '心愿已完成', body: '认领人表示您的微心愿已完成，请确认并评价。' }];
    }
    case 'wish.confirmed': {
      const { wishId, requesterId, claimant, rating, automatic } = event.facts;
      const body = rating === null ? '您服务的微心愿已确认完成。' : `您服务的微心愿已确认完成，评分 ${rating} 星。`;
      // A requester who confirmed knows it; one who stayed silent learns the wish was confirmed for them.
      const silent: Notice[] = automatic
        ? [{ recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '心愿已自动确认', body: '您的微心愿完成后未及时确认，已自动确认完成。' }]
        : [];
      return [{ recipient: claimant, kind: 'SERVICE_CONFIRMED', about: { wishId }, title: '服务已确认', body }, ...silent];
    }
    case 'wish.reopened': {
      const { wishId, requesterId, previousClaimant, handlerId } = event.facts;
      // Who did the work: a micro-wish's claimant, or a request's handler.
      const worker = previousClaimant ?? (handlerId === null ? null : organisation(handlerId));
      const reopened: Notice[] = worker
        ? [{ recipient: worker, kind: 'WORK_REOPENED', about: { wishId }, title: '事项被重新打开', body: '您已完成的一个事项被重新打开，请继续办理。' }]
        : [];
      return [
        ...reopened,
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '事项重新办理', body: '您的事项已重新打开，继续办理中。' },
      ];
    }
    case 'wish.escalated': {
      const { wishId, requesterId, toOrganisationId } = event.facts;
      return [
        { recipient: organisation(toOrganisationId), kind: 'REQUEST_ESCALATED', about: { wishId }, title: '诉求升级至本单位', body: '一项诉求已升级至本单位办理，请及时处理。' },
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '诉求已升级办理', body: '您的诉求已升级至上级单位办理。' },
      ];
    }
    case 'request.routed': {
      const { wishId, requesterId, handlerId, deadline } = event.facts;
      const body = deadline ? `一项诉求已转至本单位办理，办理时限 ${when(deadline)}。` : '一项诉求已转至本单位办理。';
      return [
        { recipient: organisation(handlerId), kind: 'REQUEST_RECEIVED', about: { wishId }, title: '新诉求待办理', body },
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '诉求已转办', body: '您的诉求已转交承办单位办理。' },
      ];
    }
    case 'request.dispatched': {
      const { wishId, requesterId, handlerIds } = event.facts;
      return [
        ...[...new Set(handlerIds)].map(
          (handlerId): Notice => ({ recipient: organisation(handlerId), kind: 'REQUEST_RECEIVED', about: { wishId }, title: '新诉求待办理', body: '一项诉求已分派至本单位协同办理。' }),
        ),
        { recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '诉求已分派', body: `您的诉求已分派至 ${new Set(handlerIds).size} 个单位协同办理。` },
      ];
    }
    case 'request.resolved': {
      const { wishId, requesterId } = event.facts;
      return [{ recipient: resident(requesterId), kind: 'WISH_STATUS_CHANGED', about: { wishId }, title: '诉求已办结', body: '承办单位已办结您的诉求，请确认并评价。' }];
    }
    case 'request.deadlineNear': {
      const { wishId, handlerId, deadline } = event.facts;
      return [{ recipient: organisation(handlerId), kind: 'DEADLINE_NEAR', about: { wishId }, title: '诉求即将到期', body: `一项诉求的办理时限为 ${when(deadline)}，请抓紧办理。` }];
    }
    case 'request.overdue': {
      const { wishId, handlerId, deadline } = event.facts;
      return [{ recipient: organisation(handlerId), kind: 'DEADLINE_PASSED', about: { wishId }, title: '诉求已超期', body: `一项诉求已超过办理时限（${when(deadline)}），请尽快办理。` }];
    }
    case 'actionItem.assigned': {
      const { actionItemId, meetingId, assignee, dueAt } = event.facts;
      const body = dueAt ? `会议交由您办理一项事项，期限 ${when(dueAt)}。` : '会议交由您办理一项事项。';
      return [{ recipient: assignee, kind: 'ACTION_ITEM_ASSIGNED', about: { meetingId, actionItemId }, title: '新的会议交办事项', body }];
    }
    case 'actionItem.overdue': {
      const { actionItemId, meetingId, assignee, dueAt } = event.facts;
      return [
        { recipient: assignee, kind: 'ACTION_ITEM_OVERDUE', about: { meetingId, actionItemId }, title: '交办事项已逾期', body: `一项会议交办事项已超过期限（${when(dueAt)}），请尽快办理并报告进展。` },
      ];
    }
    case 'booking.made': {
      const { bookingId, resourceId, bookedBy } = event.facts;
      return [{ recipient: bookedBy, kind: 'BOOKING_CONFIRMED', about: { resourceId, bookingId }, title: '预约成功', body: '您的资源预约已确认。' }];
    }
    case 'dataCorrection.requested': {
      const { requestId, communityId } = event.facts;
      return [
        { recipient: organisation(communityId), kind: 'DATA_CORRECTION_REQUESTED', about: { dataCorrectionRequestId: requestId }, title: '居民申请更正个人信息', body: '一位居民申请更正其个人信息，请核实后处理。' },
      ];
    }
    case 'dataCorrection.decided': {
      const { requestId, residentId, accepted } = event.facts;
      const [title, body] = accepted ? ['更正申请已通过', '您的个人信息更正申请已通过。'] : ['更正申请未通过', '您的个人信息更正申请未通过，可查看处理说明。'];
      return [{ recipient: resident(residentId), kind: 'DATA_CORRECTION_DECIDED', about: { dataCorrectionRequestId: requestId }, title, body }];
    }
    case 'mobilisation.overdue': {
      const { mobilisationId, communityId, deadline, unanswered } = event.facts;
      return [
        {
          recipient: organisation(communityId),
          kind: 'MOBILISATION_OVERDUE',
          about: { mobilisationId },
          title: '网格入户动员超时',
          body: `一个微网格的入户动员已超过时限（${when(deadline)}），仍有 ${unanswered} 户未联系上，请协调处理。`,
        },
      ];
    }
    default:
      return [];
  }
}
