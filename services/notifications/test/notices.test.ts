import { describe, expect, it } from 'vitest';
import { newEvent, EVENT_KINDS, type AnyCivicEvent, type EventFacts, type EventKind } from '@civic/events';
import { NOTIFYING_EVENT_KINDS, noticesFor } from '../src/domain/notices.ts';

const AT = new Date('2026-11-30T02:00:00.000Z');
const event = <K extends EventKind>(kind: K, facts: EventFacts[K]) => newEvent(kind, facts, AT) as AnyCivicEvent;

const WISH = '6650a0000000000000000001';
const REQUESTER = '6650a0000000000000000002';
const VOLUNTEER = '6650a0000000000000000003';
const PROPERTY_COMPANY = '6650a0000000000000000004';
const STREET = '6650a0000000000000000005';
const resident = (id: string) => ({ type: 'Resident' as const, id });
const organisation = (id: string) => ({ type: 'Organisation' as const, id });

describe('who an event tells, and what', () => {
  it('tells a handler a request reached it, with its deadline in China time, and the requester that it moved', () => {
    expect(noticesFor(event('request.routed', { wishId: WISH, requesterId: REQUESTER, handlerId: PROPERTY_COMPANY, deadline: '2026-12-01T09:30:00.000Z' }))).toEqual([
      { recipient: organisation(PROPERTY_COMPANY), kind: 'REQUEST_RECEIVED', about: { wishId: WISH }, title: '新诉求待办理', body: '一项诉求已转至本单位办理，办理时限 2026-12-01 17:30。' },
      { recipient: resident(REQUESTER), kind: 'WISH_STATUS_CHANGED', about: { wishId: WISH }, title: '诉求已转办', body: '您的诉求已转交承办单位办理。' },
    ]);
    expect(noticesFor(event('request.routed', { wishId: WISH, requesterId: REQUESTER, handlerId: PROPERTY_COMPANY, deadline: null }))[0]!.body).toBe('一项诉求已转至本单位办理。');
  });

  it('tells each department a request was dispatched to once, and the requester how many share it', () => {
    const notices = noticesFor(event('request.dispatched', { wishId: WISH, requesterId: REQUESTER, handlerIds: [PROPERTY_COMPANY, STREET, PROPERTY_COMPANY] }));
    expect(notices.map((notice) => [notice.recipient, notice.kind, notice.body])).toEqual([
      [organisation(PROPERTY_COMPANY), 'REQUEST_RECEIVED', '一项诉求已分派至本单位协同办理。'],
      [organisation(STREET), 'REQUEST_RECEIVED', '一项诉求已分派至本单位协同办理。'],
      [resident(REQUESTER), 'WISH_STATUS_CHANGED', '您的诉求已分派至 2 个单位协同办理。'],
    ]);
  });

  it('tells the organisation a request escalated to, and the requester', () => {
    expect(noticesFor(event('wish.escalated', { wishId: WISH, requesterId: REQUESTER, fromHandlerId: PROPERTY_COMPANY, toOrganisationId: STREET }))).toEqual([
      { recipient: organisation(STREET), kind: 'REQUEST_ESCALATED', about: { wishId: WISH }, title: '诉求升级至本单位', body: '一项诉求已升级至本单位办理，请及时处理。' },
      { recipient: resident(REQUESTER), kind: 'WISH_STATUS_CHANGED', about: { wishId: WISH }, title: '诉求已升级办理', body: '您的诉求已升级至上级单位办理。' },
    ]);
  });

  it("tells a handler its deadline is near, and passed", () => {
    expect(noticesFor(event('request.deadlineNear', { wishId: WISH, handlerId: PROPERTY_COMPANY, deadline: '2026-12-01T01:00:00.000Z' }))).toEqual([
      { recipient: organisation(PROPERTY_COMPANY), kind: 'DEADLINE_NEAR', about: { wishId: WISH }, title: '诉求即将到期', body: '一项诉求的办理时限为 2026-12-01 09:00，请抓紧办理。' },
    ]);
    expect(noticesFor(event('request.overdue', { wishId: WISH, handlerId: PROPERTY_COMPANY, deadline: '2026-12-01T01:00:00.000Z' }))).toEqual([
      { recipient: organisation(PROPERTY_COMPANY), kind: 'DEADLINE_PASSED', about: { wishId: WISH }, title: '诉求已超期', body: '一项诉求已超过办理时限（2026-12-01 09:00），请尽快办理。' },
    ]);
  });

  it('tells a claimant the claim is won, and the requester the wish is taken', () => {
    expect(noticesFor(event('wish.claimed', { wishId: WISH, requesterId: REQUESTER, claimant: resident(VOLUNTEER), communityId: STREET })).map((notice) => [notice.recipient, notice.kind])).toEqual([
      [resident(VOLUNTEER), 'CLAIM_WON'],
      [resident(REQUESTER), 'WISH_STATUS_CHANGED'],
    ]);
  });

  it('tells an organisation its claim is lost when the wish is handed back; a resident who handed back is not told', () => {
    expect(noticesFor(event('wish.handedBack', { wishId: WISH, requesterId: REQUESTER, claimant: organisation(PROPERTY_COMPANY) })).map((notice) => [notice.recipient, notice.kind, notice.title])).toEqual([
      [organisation(PROPERTY_COMPANY), 'CLAIM_LOST', '认领已交还'],
      [resident(REQUESTER), 'WISH_STATUS_CHANGED', '心愿重新开放认领'],
    ]);
    expect(noticesFor(event('wish.handedBack', { wishId: WISH, requesterId: REQUESTER, claimant: resident(VOLUNTEER) })).map((notice) => notice.recipient)).toEqual([resident(REQUESTER)]);
  });

  it('tells the requester of each step of their wish', () => {
    expect(noticesFor(event('wish.published', { wishId: WISH, requesterId: REQUESTER, communityId: STREET, gridId: null })).map((notice) => [notice.recipient, notice.title])).toEqual([
      [resident(REQUESTER), '已通过审核'],
    ]);
    expect(noticesFor(event('wish.fulfilled', { wishId: WISH, requesterId: REQUESTER, claimant: resident(VOLUNTEER), servedBy: [VOLUNTEER] })).map((notice) => [notice.recipient, notice.title])).toEqual([
      [resident(REQUESTER), '心愿已完成'],
    ]);
    expect(noticesFor(event('request.resolved', { wishId: WISH, requesterId: REQUESTER, handlerId: PROPERTY_COMPANY })).map((notice) => [notice.recipient, notice.title])).toEqual([
      [resident(REQUESTER), '诉求已办结'],
    ]);
  });

  it('tells who did the work that it was reopened: a micro-wish claimant, or a request handler', () => {
    const reopened = (previousClaimant: { type: 'Resident' | 'Organisation'; id: string } | null, handlerId: string | null) =>
      noticesFor(event('wish.reopened', { wishId: WISH, requesterId: REQUESTER, previousClaimant, handlerId })).map((notice) => [notice.recipient, notice.kind]);
    expect(reopened(resident(VOLUNTEER), null)).toEqual([
      [resident(VOLUNTEER), 'WORK_REOPENED'],
      [resident(REQUESTER), 'WISH_STATUS_CHANGED'],
    ]);
    expect(reopened(null, PROPERTY_COMPANY)).toEqual([
      [organisation(PROPERTY_COMPANY), 'WORK_REOPENED'],
      [resident(REQUESTER), 'WISH_STATUS_CHANGED'],
    ]);
    expect(reopened(null, null)).toEqual([[resident(REQUESTER), 'WISH_STATUS_CHANGED']]);
  });

  it('tells the claimant of a confirmation with its rating, and a silent requester that it was confirmed for them', () => {
    const confirmed = { wishId: WISH, requesterId: REQUESTER, claimant: resident(VOLUNTEER), servedBy: [VOLUNTEER], communityId: STREET };
    expect(noticesFor(event('wish.confirmed', { ...confirmed, rating: 5, automatic: false }))).toEqual([
      { recipient: resident(VOLUNTEER), kind: 'SERVICE_CONFIRMED', about: { wishId: WISH }, title: '服务已确认', body: '您服务的微心愿已确认完成，评分 5 星。' },
    ]);
    expect(noticesFor(event('wish.confirmed', { ...confirmed, rating: null, automatic: true }))).toEqual([
      { recipient: resident(VOLUNTEER), kind: 'SERVICE_CONFIRMED', about: { wishId: WISH }, title: '服务已确认', body: '您服务的微心愿已确认完成。' },
      { recipient: resident(REQUESTER), kind: 'WISH_STATUS_CHANGED', about: { wishId: WISH }, title: '心愿已自动确认', body: '您的微心愿完成后未及时确认，已自动确认完成。' },
    ]);
  });

  it('tells an action item assignee of the item and of its lateness, and a booker of the booking', () => {
    const item = { actionItemId: '6650a00000000000000000a1', meetingId: '6650a00000000000000000b1', assignee: organisation(PROPERTY_COMPANY) };
    expect(noticesFor(event('actionItem.assigned', { ...item, dueAt: '2026-12-05T10:00:00.000Z' }))).toEqual([
      { recipient: organisation(PROPERTY_COMPANY), kind: 'ACTION_ITEM_ASSIGNED', about: { meetingId: item.meetingId, actionItemId: item.actionItemId }, title: '新的会议交办事项', body: '会议交由您办理一项事项，期限 2026-12-05 18:00。' },
    ]);
    expect(noticesFor(event('actionItem.overdue', { ...item, dueAt: '2026-12-05T10:00:00.000Z' }))[0]!.body).toBe('一项会议交办事项已超过期限（2026-12-05 18:00），请尽快办理并报告进展。');
    expect(noticesFor(event('booking.made', { bookingId: '6650a00000000000000000c1', resourceId: '6650a00000000000000000d1', bookedBy: resident(VOLUNTEER) }))).toEqual([
      { recipient: resident(VOLUNTEER), kind: 'BOOKING_CONFIRMED', about: { resourceId: '6650a00000000000000000d1', bookingId: '6650a00000000000000000c1' }, title: '预约成功', body: '您的资源预约已确认。' },
    ]);
  });

  it("tells a community's staff a resident asked for a correction, and the resident how it was decided", () => {
    const request = '6650a00000000000000000e1';
    expect(noticesFor(event('dataCorrection.requested', { requestId: request, residentId: REQUESTER, communityId: STREET, field: 'PHONE' }))).toEqual([
      { recipient: organisation(STREET), kind: 'DATA_CORRECTION_REQUESTED', about: { dataCorrectionRequestId: request }, title: '居民申请更正个人信息', body: '一位居民申请更正其个人信息，请核实后处理。' },
    ]);
    expect(noticesFor(event('dataCorrection.decided', { requestId: request, residentId: REQUESTER, field: 'PHONE', accepted: true }))).toEqual([
      { recipient: resident(REQUESTER), kind: 'DATA_CORRECTION_DECIDED', about: { dataCorrectionRequestId: request }, title: '更正申请已通过', body: '您的个人信息更正申请已通过。' },
    ]);
    expect(noticesFor(event('dataCorrection.decided', { requestId: request, residentId: REQUESTER, field: 'PHONE', accepted: false }))).toEqual([
      { recipient: resident(REQUESTER), kind: 'DATA_CORRECTION_DECIDED', about: { dataCorrectionRequestId: request }, title: '更正申请未通过', body: '您的个人信息更正申请未通过，可查看处理说明。' },
    ]);
  });

  it("gives a community's staff a task when one of its micro-grids' mobilisations falls overdue, with the households still owed", () => {
    const mobilisation = '6650a00000000000000000f1';
    const facts = { mobilisationId: mobilisation, gridId: '6650a00000000000000000f2', communityId: STREET, deadline: '2026-11-30T05:00:00.000Z', unanswered: 2 };
    expect(noticesFor(event('mobilisation.overdue', facts))).toEqual([
      { recipient: organisation(STREET), kind: 'MOBILISATION_OVERDUE', about: { mobilisationId: mobilisation }, title: '网格入户动员超时', body: '一个微网格的入户动员已超过时限（2026-11-30 13:00），仍有 2 户未联系上，请协调处理。' },
    ]);
  });

  it('listens to exactly the kinds that tell someone something', () => {
    const facts = { wishId: WISH, requesterId: REQUESTER, communityId: STREET, gridId: null } as never;
    const silent = EVENT_KINDS.filter((kind) => !(NOTIFYING_EVENT_KINDS as readonly EventKind[]).includes(kind));
    expect(silent).toEqual([
      'activity.signedUp',
      'activity.checkedIn',
      'mobilisation.started',
      'mobilisation.householdVisited',
      'mobilisation.completed',
      'mobilisation.closed',
      'meeting.attended',
      'decision.recorded',
      'microProject.voteClosed',
      'booking.cancelled',
      'disbursement.approved',
      'resident.closed',
      'personalData.read',
      'notification.created',
    ]);
    for (const kind of silent) expect(noticesFor(event(kind, facts))).toEqual([]);
  });
});
