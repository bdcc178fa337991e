import { Types } from 'mongoose';
import type { TimelineEntryDocument, WishDocument } from '../models/wish.ts';
import type { WishCategory, WishChannel, WishKind, WishStatus } from '../domain/vocabulary.ts';
import { nextStatus, type WishAction } from '../domain/wish-state-machine.ts';
import { submittedWish } from '../persistence/submitted-wish.ts';
import { chooseHandler, organisationAtLevel, selectRoutingRule } from '../domain/routing-rules.ts';
import { withHandler } from '../domain/handler-history.ts';
import { seededOutcome, type OutcomeTemplate } from './outcomes-seed.ts';
import { DEFAULT_DEADLINE_HOURS, closedOnTime, deadlinesFrom, dueAt, escalationLevel, firstDeadlineNotice } from '../domain/deadlines.ts';
import { addDays, addHours, SEED_SUBJECT, type ObjectIdSource, type Random, type Range, type ResidentReference, type SeedWorld, type SeededCommunity } from '@civic/seed-kit';

/**
 * The wishes of every community, generated one community at a time as they are read (once, in
 * order), each community's oldest first: a district's million wishes need not sit in memory together.
 */
export interface WishStream {
  count: number;
  byCommunity: Iterable<WishDocument[]>;
}

const HISTORY_DAYS = 3 * 365;
const RECENT_DAYS = 30;

/** A matter residents raise: its title, kind, the tags resources are matched by, and how its outcome is stated. */
interface Matter {
  title: string;
  kind: WishKind;
  tags: string[];
  outcome: OutcomeTemplate;
}

const WISHES: readonly Matter[] = [
  { title: '帮忙买菜送上门', kind: 'WISH', tags: ['助老', '跑腿'], outcome: { item: '蔬菜', unit: '斤', amount: [5, 30], households: [1, 1], persons: [1, 2], partner: null } },
  { title: '陪同去医院复诊', kind: 'WISH', tags: ['助老', '健康'], outcome: { item: '陪诊', unit: '次', amount: [1, 3], households: null, persons: [1, 1], partner: null } },
  { title: '教我用智能手机挂号', kind: 'WISH', tags: ['助老', '数字助老'], outcome: { item: '手机教学', unit: '小时', amount: [1, 3], households: null, persons: [1, 2], partner: null } },
  { title: '帮忙更换灯泡', kind: 'WISH', tags: ['维修'], outcome: { item: '灯泡', unit: '个', amount: [1, 4], households: [1, 1], persons: null, partner: null } },
  { title: '孩子放学后临时照看', kind: 'WISH', tags: ['托育'], outcome: { item: '照看', unit: '小时', amount: [2, 10], households: [1, 1], persons: [1, 2], partner: null } },
  { title: '帮忙修理漏水的水龙头', kind: 'WISH', tags: ['维修'], outcome: { item: '水龙头', unit: '个', amount: [1, 2], households: [1, 1], persons: null, partner: null } },
  { title: '想借一台轮椅', kind: 'WISH', tags: ['助残', '助老'], outcome: { item: '轮椅', unit: '台', amount: [1, 1], households: null, persons: [1, 1], partner: 'CO_BUILDING_UNIT' } },
  { title: '帮忙代缴水电费', kind: 'WISH', tags: ['助老', '跑腿'], outcome: { item: '代缴', unit: '次', amount: [1, 2], households: [1, 1], persons: null, partner: null } },
];
const REQUESTS: Record<WishCategory, readonly Matter[]> = {
  GOVERNMENT_AFFAIRS: [
    { title: '小区门口占道经营', kind: 'HELP', tags: ['市容'], outcome: { item: '清理摊点', unit: '处', amount: [1, 6], households: [50, 300], persons: null, partner: null } },
    { title: '夜间施工噪音扰民', kind: 'HELP', tags: ['噪音'], outcome: { item: '协调施工方', unit: '次', amount: [1, 3], households: [20, 200], persons: null, partner: null } },
    { title: '咨询医保异地报销', kind: 'CONSULT', tags: ['医保'], outcome: { item: '政策解答', unit: '次', amount: [1, 1], households: null, persons: [1, 1], partner: null } },
    { title: '建议增设公交站点', kind: 'SUGGESTION', tags: ['交通'], outcome: { item: '协调交通部门', unit: '次', amount: [1, 2], households: [100, 800], persons: null, partner: null } },
  ],
  SELF_GOVERNANCE: [
    { title: '楼道堆放杂物', kind: 'HELP', tags: ['环境'], outcome: { item: '清运杂物', unit: '车', amount: [1, 5], households: [10, 40], persons: null, partner: 'VOLUNTEER_TEAM' } },
    { title: '邻里漏水纠纷', kind: 'HELP', tags: ['调解'], outcome: { item: '调解', unit: '次', amount: [1, 3], households: [2, 2], persons: null, partner: null } },
    { title: '建议增设晾衣架', kind: 'SUGGESTION', tags: ['议事'], outcome: { item: '晾衣架', unit: '组', amount: [2, 10], households: [20, 80], persons: null, partner: null } },
    { title: '咨询居民议事会报名', kind: 'CONSULT', tags: ['议事'], outcome: { item: '政策解答', unit: '次', amount: [1, 1], households: null, persons: [1, 1], partner: null } },
  ],
  MARKET_SERVICE: [
    { title: '电梯停运', kind: 'HELP', tags: ['物业', '维修'], outcome: { item: '电梯维修', unit: '次', amount: [1, 2], households: [20, 80], persons: null, partner: 'PROPERTY_COMPANY' } },
    { title: '地下车库照明损坏', kind: 'HELP', tags: ['物业', '维修'], outcome: { item: '灯具', unit: '盏', amount: [5, 30], households: [100, 400], persons: null, partner: 'PROPERTY_COMPANY' } },
    { title: '小区绿化带缺人修剪', kind: 'SUGGESTION', tags: ['物业'], outcome: { item: '绿化修剪', unit: '平方米', amount: [200, 2000], households: null, persons: null, partner: 'PROPERTY_COMPANY' } },
    { title: '门禁系统失灵', kind: 'HELP', tags: ['物业', '维修'], outcome: { item: '门禁', unit: '套', amount: [1, 4], households: [30, 150], persons: null, partner: 'PROPERTY_COMPANY' } },
  ],
  PUBLIC_WELFARE: [
    { title: '独居老人需要定期探访', kind: 'HELP', tags: ['助老'], outcome: { item: '探访', unit: '次', amount: [4, 12], households: [1, 1], persons: [1, 1], partner: 'VOLUNTEER_TEAM' } },
    { title: '困难家庭子女课业辅导', kind: 'HELP', tags: ['助学', '帮扶'], outcome: { item: '课业辅导', unit: '小时', amount: [8, 40], households: [1, 1], persons: [1, 2], partner: 'CO_BUILDING_UNIT' } },
    { title: '建议开设老年书法班', kind: 'SUGGESTION', tags: ['助老', '培训'], outcome: { item: '书法课', unit: '课时', amount: [8, 16], households: null, persons: [10, 30], partner: 'CO_BUILDING_UNIT' } },
    { title: '残疾人出行需要帮助', kind: 'HELP', tags: ['助残'], outcome: { item: '陪同出行', unit: '次', amount: [2, 8], households: null, persons: [1, 1], partner: 'VOLUNTEER_TEAM' } },
  ],
};
/** Micro-wishes are over half of what residents post (Jianye's figures); the rest are requests. */
const WISH_SHARE = 0.55;
const CATEGORIES: readonly (readonly [WishCategory, number])[] = [['PUBLIC_WELFARE', 40], ['SELF_GOVERNANCE', 25], ['MARKET_SERVICE', 20], ['GOVERNMENT_AFFAIRS', 15]];
const CHANNELS: readonly (readonly [WishChannel, number])[] = [['APP', 60], ['HOTLINE', 10], ['DOOR_TO_DOOR', 15], ['SERVICE_CENTRE', 10], ['MEETING', 5]];

/** The actions each fate walks through, after SUBMIT; recent wishes stop part-way (still open). */
const WISH_FATES: readonly (readonly [WishAction[], number])[] = [
  [['PUBLISH', 'CLAIM', 'START_SERVICE', 'FULFIL', 'CONFIRM'], 70],
  [['PUBLISH', 'CLAIM', 'FULFIL', 'AUTO_CONFIRM'], 12],
  [['PUBLISH', 'CLAIM', 'HAND_BACK', 'CLAIM', 'FULFIL', 'CONFIRM'], 5],
  [['PUBLISH', 'CLAIM', 'FULFIL', 'REOPEN', 'FULFIL', 'CONFIRM'], 3],
  [['REJECT'], 5],
  [['PUBLISH', 'WITHDRAW'], 5],
];
const REQUEST_FATES: readonly (readonly [WishAction[], number])[] = [
  [['PUBLISH', 'ROUTE', 'ACKNOWLEDGE', 'RESOLVE', 'CONFIRM'], 72],
  [['PUBLISH', 'ROUTE', 'ESCALATE', 'ACKNOWLEDGE', 'RESOLVE', 'CONFIRM'], 10],
  [['PUBLISH', 'ROUTE', 'RESOLVE', 'AUTO_CONFIRM'], 8],
  [['REJECT'], 5],
  [['WITHDRAW'], 5],
];

/**
 * Wishes and requests of every community, each walked through the service's own state machine.
 * Their ids are taken now, so the records generated after this call get the same ids whenever
 * the wishes themselves are generated.
 */
export function generateWishes(world: SeedWorld, wishesPerCommunity: Range): WishStream {
  const random = world.random.fork('wishes');
  const communities = world.communities.map((community, index) => {
    const stream = random.fork(`community:${index}`);
    // Outcomes draw from their own stream, so the wishes' fates stay as they are without them.
    return { community, stream, outcomes: stream.fork('outcomes'), count: stream.within(wishesPerCommunity) };
  });
  const count = communities.reduce((sum, community) => sum + community.count, 0);
  const ids = world.ids.reserve(count);
  function* byCommunity(): Generator<WishDocument[]> {
    for (const { community, stream, outcomes, count } of communities) {
      const wishes: WishDocument[] = [];
      for (let n = 0; n < count; n++) wishes.push(aWish(world, ids, community, stream, outcomes));
      // In the order they were submitted: most of the service's indexes end in createdAt, so each
      // insert then lands near the last one instead of anywhere in them (about a sixth less
      // database time for a district's wishes).
      yield wishes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    }
  }
  return { count, byCommunity: byCommunity() };
}

function aWish(world: SeedWorld, ids: ObjectIdSource, community: SeededCommunity, random: Random, outcomes: Random): WishDocument {
  const requester = random.pick(community.residents);
  const isWish = random.chance(WISH_SHARE);
  const category = isWish ? 'PUBLIC_WELFARE' : random.weighted(CATEGORIES);
  const matter = random.pick(isWish ? WISHES : REQUESTS[category]);
  const kind = matter.kind;
  // One in ten from the last month, still under way in every state; the rest over three years.
  const daysAgo = random.chance(0.1) ? random.int(0, RECENT_DAYS) : random.int(RECENT_DAYS + 1, HISTORY_DAYS);
  const createdAt = world.timeline.at(-daysAgo, random.int(8, 20), random.int(0, 59));
  const organisationPath = community.organisations.community.path;
  const wish = submittedWish({
    _id: ids.next(),
    kind,
    category,
    title: matter.title,
    description: `${community.organisations.name}居民反映：${kind === 'WISH' ? '希望得到志愿者帮助' : '请相关单位尽快处理'}`,
    tags: matter.tags,
    urgency: random.chance(0.1) ? 'HIGH' : 'NORMAL',
    channel: random.weighted(CHANNELS),
    requesterId: requester._id,
    recordedBy: SEED_SUBJECT,
    communityId: community.organisations.community._id,
    gridId: requester.gridId,
    organisationPath,
    submittedAt: createdAt,
  });
  const fate = random.weighted(kind === 'WISH' ? WISH_FATES : REQUEST_FATES);
  // The older the wish, the further along its fate; the last weeks hold every open state.
  const ageDays = (world.timeline.today.getTime() - createdAt.getTime()) / 86_400_000;
  const cut = ageDays > RECENT_DAYS ? fate.length : random.int(0, fate.length);
  // Publishing a request routes it in the same write, as the service does: never stop between.
  const steps = fate[cut - 1] === 'PUBLISH' && fate[cut] === 'ROUTE' ? cut + 1 : cut;
  let at = createdAt;
  for (const action of fate.slice(0, steps)) {
    if (action !== 'ROUTE') at = addHours(at, random.int(1, 30));
    if (at > world.timeline.today) break;
    apply(wish, action, at, community, random);
    if (action === 'FULFIL' || action === 'RESOLVE') wish.outcome = seededOutcome(matter.outcome, wish, community, outcomes, at);
  }
  return wish;
}

function apply(wish: WishDocument, action: WishAction, at: Date, community: SeededCommunity, random: Random): void {
  const status = nextStatus(wish, action);
  if (status === null) throw new Error(`seed: a wish in ${wish.status} cannot ${action}`);
  const path = wish.organisationPath.map((id) => id.toHexString());
  if (action === 'PUBLISH') Object.assign(wish, { publishedAt: at, openedAt: at });
  if (action === 'REJECT') wish.rejectionReason = '不属于社区受理范围，已告知居民';
  if (action === 'CLAIM') claim(wish, at, community, random);
  if (action === 'HAND_BACK') Object.assign(wish, { claimantKind: null, claimantId: null, claimantPath: [], servedBy: [], openedAt: at });
  if (action === 'ROUTE') {
    const rule = selectRoutingRule(wish.category, wish.tags);
    const property = community.organisations.propertyCompany;
    const handler = chooseHandler(rule, path, { propertyCompany: { id: property._id.toHexString(), path: property.path.map(String) }, byKind: new Map() });
    const byAgreement = handler.id === property._id.toHexString();
    const hours = byAgreement ? { acknowledgeHours: community.agreement.responseDeadlineHours, resolveHours: community.agreement.resolutionDeadlineHours } : DEFAULT_DEADLINE_HOURS[wish.category];
    Object.assign(wish, {
      handlerId: new Types.ObjectId(handler.id),
      handlerPath: objectIds(handler.path),
      handlerIds: withHandler(wish, handler.id),
      agreementId: byAgreement ? community.agreement._id : null,
      handlingLevel: rule.level,
      routing: { ruleId: rule.id, description: rule.description, level: rule.level },
      takenAt: at,
      ...deadlinesFrom(at, hours),
    });
  }
  if (action === 'ESCALATE') {
    const level = escalationLevel(wish.handlingLevel ?? 'COMMUNITY') ?? 'DISTRICT';
    const up = organisationAtLevel(path, level);
    const deadlines = deadlinesFrom(at, DEFAULT_DEADLINE_HOURS[wish.category]);
    Object.assign(wish, { handlerId: new Types.ObjectId(up.id), handlerPath: objectIds(up.path), handlerIds: withHandler(wish, up.id), handlingLevel: level, escalations: wish.escalations + 1, ...deadlines });
  }
  // The seed knows no organisation's members: only a resident claimant is recorded as having served.
  if (action === 'FULFIL' && wish.claimantKind === 'RESIDENT') wish.servedBy = [wish.claimantId!];
  if (action === 'FULFIL' || action === 'RESOLVE') {
    Object.assign(wish, { completedAt: at, closedOnTime: action === 'RESOLVE' ? closedOnTime(at, wish.resolveDeadline, wish.escalations) : null, autoConfirmAt: addDays(at, 7) });
  }
  if (action === 'REOPEN') Object.assign(wish, { completedAt: null, closedOnTime: null, autoConfirmAt: null, outcome: null });
  if (action === 'CONFIRM' || action === 'AUTO_CONFIRM') {
    const automatic = action === 'AUTO_CONFIRM';
    const when = automatic ? addDays(wish.completedAt ?? at, 7) : at;
    Object.assign(wish, { autoConfirmAt: null, feedback: { rating: automatic ? null : random.weighted([[5, 70], [4, 20], [3, 7], [2, 2], [1, 1]] as const), comment: null, automatic, at: when } });
  }
  const due = dueAt(status, wish);
  const noticeAt = due?.getTime() === wish.dueAt?.getTime() ? wish.deadlineNoticeAt : firstDeadlineNotice(due);
  Object.assign(wish, { status, version: wish.version + 1, updatedAt: at, dueAt: due, deadlineNoticeAt: noticeAt });
  wish.timeline.push(entry(action, at, status));
}

function objectIds(hexes: readonly string[]): Types.ObjectId[] {
  return hexes.map((hex) => new Types.ObjectId(hex));
}

function claim(wish: WishDocument, at: Date, community: SeededCommunity, random: Random): void {
  const byResident = random.chance(0.6) && community.volunteers.length > 0;
  const resident: ResidentReference | null = byResident ? random.pick(community.volunteers) : null;
  const organisation = random.pick([...community.organisations.branches, ...community.organisations.volunteerTeams, ...community.organisations.coBuildingUnits]);
  Object.assign(wish, {
    claimantKind: resident ? 'RESIDENT' : 'ORGANISATION',
    claimantId: resident?._id ?? organisation._id,
    claimantPath: resident ? community.organisations.community.path : organisation.path,
    takenAt: at,
  });
}

function entry(action: WishAction, at: Date, status: WishStatus): TimelineEntryDocument {
  return { action, actor: SEED_SUBJECT, at, note: null, status };
}
