import type { Types } from 'mongoose';
import type { MeetingDocument } from '../models/meeting.ts';
import type { AgendaItemDocument } from '../models/agenda-item.ts';
import type { ParticipantDocument } from '../models/participant.ts';
import type { ActionItemDocument } from '../models/action-item.ts';
import type { MicroProjectDocument } from '../models/micro-project.ts';
import type { MicroProjectVoteDocument } from '../models/micro-project-vote.ts';
import type { CommunitySettingDocument } from '../models/community-setting.ts';
import { evaluateQuorum } from '../domain/quorum.ts';
import { DEFAULT_VOTE_THRESHOLD, REVIEW_MEETING_TITLE, outcomeOfVote } from '../domain/micro-project-rules.ts';
import type { MeetingKind, MicroProjectStatus, ParticipantRole } from '../domain/vocabulary.ts';
import {
  addDays,
  SEED_SUBJECT,
  type OrganisationReference,
  type Random,
  type ResidentReference,
  type SeededCommunity,
  type SeedWorld,
  type Timeline,
  type WishReference,
} from '@civic/seed-kit';

/** The meetings department's sample data, by model name (as the service's createModels names them). */
export interface MeetingsSeed {
  Meeting: MeetingDocument[];
  AgendaItem: AgendaItemDocument[];
  Participant: ParticipantDocument[];
  ActionItem: ActionItemDocument[];
  MicroProject: MicroProjectDocument[];
  MicroProjectVote: MicroProjectVoteDocument[];
  CommunitySetting: CommunitySettingDocument[];
}

// [title, estimated cost in yuan]: livelihood projects as communities publish them (微实事).
const MICRO_PROJECTS: readonly (readonly [string, number])[] = [
  ['老旧楼道加装扶手', 36_000],
  ['小区增设休闲座椅', 12_000],
  ['非机动车充电棚', 85_000],
  ['楼道声控灯更换', 18_000],
  ['儿童游乐设施翻新', 120_000],
  ['社区食堂适老化改造', 150_000],
  ['垃圾分类投放点升级', 45_000],
  ['健身步道修缮', 98_000],
];

// [matter, decision, action]: disputes a coordination meeting settles with the property company,
// when the community has no seeded complaint of the kind to take up.
const DISPUTES: readonly (readonly [string, string, string])[] = [
  ['楼下商铺夜间装修噪音扰民', '商铺每晚八点后停止施工，物业加强巡查', '督促商铺整改并每日巡查'],
  ['地下车库漏水', '物业两周内完成防水修补，维修基金申请同步启动', '完成车库防水修补'],
  ['电梯频繁故障', '物业联系维保单位全面检修，业委会监督', '完成电梯全面检修并公示报告'],
  ['高空抛物隐患', '加装监控探头，开展入户宣传', '在3栋、5栋加装高空监控'],
];

// Noise and property complaints among the seeded wishes (wishes-seed titles), with what a
// coordination meeting decides about each and the action it gives the property company.
const COMPLAINTS: Readonly<Record<string, readonly [string, string]>> = {
  夜间施工噪音扰民: ['施工单位每晚十点后停止作业，物业加强夜间巡查', '督促施工单位夜间停工并每日巡查'],
  电梯停运: ['物业联系维保单位全面检修，业委会监督', '完成电梯全面检修并公示报告'],
  地下车库照明损坏: ['物业一周内更换车库损坏灯具', '更换地下车库损坏灯具'],
  小区绿化带缺人修剪: ['物业增派绿化养护人员，每月修剪一次', '完成小区绿化带修剪'],
  门禁系统失灵: ['物业三日内维修门禁并排查各单元', '修复各单元门禁系统'],
};
// A coordination meeting takes up complaints of the half year before it, at most this many.
const COMPLAINT_DAYS = 180;
const COMPLAINTS_PER_MEETING = 2;

const THRESHOLDS = [DEFAULT_VOTE_THRESHOLD, 15, 20] as const;

/**
 * Per community: two rounds of micro-projects with votes and an expert review, a coordination
 * meeting that takes up the community's recent noise and property complaints (seeded wishes), and
 * a hearing ahead.
 */
export function generateMeetings(world: SeedWorld, seededComplaints: readonly Complaint[]): MeetingsSeed {
  const seed: MeetingsSeed = { Meeting: [], AgendaItem: [], Participant: [], ActionItem: [], MicroProject: [], MicroProjectVote: [], CommunitySetting: [] };
  const complaints = complaintsByCommunity(seededComplaints);
  world.communities.forEach((community, index) => {
    const random = world.random.fork(`meetings:${index}`);
    const threshold = random.pick(THRESHOLDS);
    seed.CommunitySetting.push({ _id: community.organisations.community._id, microProjectVoteThreshold: threshold, updatedAt: world.timeline.at(-120, 10) });
    const builder = new CommunityMeetings(world, community, random, seed);
    builder.closedRound(threshold);
    builder.openRound();
    builder.coordination(complaints.get(community.organisations.community._id.toHexString()) ?? []);
    builder.hearingAhead();
  });
  return seed;
}

/** What a coordination meeting needs to know of a seeded wish it may take up. */
export type Complaint = Pick<WishReference, '_id' | 'title' | 'communityId' | 'createdAt'>;

/**
 * The wish as a complaint a coordination meeting may take up, or null: a noise or property
 * complaint the community took on (not turned away, withdrawn, or still waiting to be looked at).
 */
export function asComplaint(wish: WishReference): Complaint | null {
  if (!(wish.title in COMPLAINTS) || ['SUBMITTED', 'REJECTED', 'WITHDRAWN'].includes(wish.status)) return null;
  return { _id: wish._id, title: wish.title, communityId: wish.communityId, createdAt: wish.createdAt };
}

/** The complaints (in the order the wishes were generated) by community, oldest first. */
function complaintsByCommunity(complaints: readonly Complaint[]): Map<string, Complaint[]> {
  const byCommunity = new Map<string, Complaint[]>();
  for (const complaint of complaints) {
    const key = complaint.communityId.toHexString();
    const list = byCommunity.get(key);
    if (list) list.push(complaint);
    else byCommunity.set(key, [complaint]);
  }
  for (const list of byCommunity.values()) list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return byCommunity;
}

class CommunityMeetings {
  private readonly host: OrganisationReference;
  private readonly timeline: Timeline;

  constructor(
    private readonly world: SeedWorld,
    private readonly community: SeededCommunity,
    private readonly random: Random,
    private readonly seed: MeetingsSeed,
  ) {
    this.host = community.organisations.community;
    this.timeline = world.timeline;
  }

  /** Last quarter's round: voted, closed, the popular ones under way or done, the rest reviewed by experts. */
  closedRound(threshold: number): void {
    const opensAt = this.timeline.at(-90, 9);
    const projects = this.projects(4, opensAt, addDays(opensAt, 14));
    const review = this.meeting('EXPERT_REVIEW', REVIEW_MEETING_TITLE, this.timeline.at(-70, 14), 'CLOSED');
    const roles = ['EXPERT', 'EXPERT', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'DEPARTMENT_HEAD'] as const;
    const reviewers = this.people(roles.length).map((resident, index) => this.invite(review, { resident }, roles[index]!, true));
    let position = 0;
    for (const project of projects) {
      const votes = this.votes(project, this.random.int(0, threshold * 2));
      if (outcomeOfVote(votes, threshold) === 'PRIORITISED') {
        project.status = this.random.pick(['PRIORITISED', 'IN_PROGRESS', 'DONE'] as const satisfies readonly MicroProjectStatus[]);
      } else {
        const approved = this.random.chance(0.6);
        project.status = approved ? this.random.pick(['APPROVED', 'IN_PROGRESS'] as const) : 'REJECTED';
        project.reviewMeetingId = review._id;
        const item = this.agendaItem(review, ++position, project.title, { microProjectId: project._id });
        this.decide(review, reviewers, item, approved ? '同意实施，控制造价' : '暂缓实施，建议下一年度重新申报', approved ? 'APPROVED' : 'REJECTED');
      }
      if (project.status === 'DONE') project.actualCost = Math.round(project.estimatedCost * (0.85 + this.random.next() * 0.2));
    }
  }

  /** This month's round, still taking votes. */
  openRound(): void {
    const opensAt = this.timeline.at(-5, 9);
    for (const project of this.projects(3, opensAt, addDays(opensAt, 14))) this.votes(project, this.random.int(0, 12));
  }

  /**
   * The community's latest noise or property complaints (or, without any, a dispute) settled with
   * the property company and owners' committee; each decision gives the company an action item,
   * open, some overdue.
   */
  coordination(complaints: readonly Complaint[]): void {
    const startsAt = this.timeline.at(-this.random.int(5, 20), 15);
    // The latest complaint of each kind, the latest kinds first.
    const latest = new Map<string, Complaint>();
    for (const wish of complaints) if (wish.createdAt < startsAt && wish.createdAt > addDays(startsAt, -COMPLAINT_DAYS)) latest.set(wish.title, wish);
    const recent = [...latest.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, COMPLAINTS_PER_MEETING);
    const [dispute, ...settlement] = this.random.pick(DISPUTES);
    const matters = recent.length > 0 ? recent.map((wish) => ({ wish, title: wish.title, outcome: COMPLAINTS[wish.title]! })) : [{ wish: null, title: dispute, outcome: settlement }];
    const meeting = this.meeting('COORDINATION', `${matters[0]!.title}${matters.length > 1 ? '等问题' : ''}协调会`, startsAt, 'CLOSED');
    const { propertyCompany, ownersCommittee } = this.community.organisations;
    const parties = [
      this.invite(meeting, { organisation: propertyCompany }, 'PROPERTY_COMPANY', true),
      this.invite(meeting, { organisation: ownersCommittee }, 'OWNERS_COMMITTEE', true),
      this.invite(meeting, { resident: this.people(1)[0]! }, 'RESIDENT_REP', true),
    ];
    matters.forEach(({ wish, title, outcome: [decision, action] }, index) => {
      const item = this.agendaItem(meeting, index + 1, title, { wishId: wish?._id });
      this.decide(meeting, parties, item, decision, null);
      this.actionItem(meeting, item, action);
    });
  }

  /** A hearing next week, invitations sent, replies coming in. */
  hearingAhead(): void {
    const meeting = this.meeting('HEARING', `${this.community.organisations.name}加装电梯听证会`, this.timeline.at(this.random.int(3, 10), 19), 'PLANNED');
    this.agendaItem(meeting, 1, '加装电梯方案及费用分摊', {});
    for (const resident of this.people(6)) {
      const participant = this.invite(meeting, { resident }, 'RESIDENT_REP', false);
      participant.reply = this.random.pick(['PENDING', 'ACCEPTED', 'ACCEPTED', 'DECLINED'] as const);
    }
  }

  /** The property company's action from a decision: done within its deadline half the time, else under way. */
  private actionItem(meeting: MeetingDocument, item: AgendaItemDocument, description: string): void {
    const { propertyCompany } = this.community.organisations;
    const deadline = addDays(meeting.startsAt, this.random.int(7, 30));
    const done = deadline.getTime() < this.timeline.today.getTime() && this.random.chance(0.5);
    this.seed.ActionItem.push({
      _id: this.world.ids.next(),
      meetingId: meeting._id,
      agendaItemId: item._id,
      description,
      responsibleOrganisationId: propertyCompany._id,
      responsiblePath: propertyCompany.path,
      deadline,
      status: done ? 'DONE' : 'IN_PROGRESS',
      progress: [{ note: done ? '已整改完毕，居民确认' : '已启动整改', status: done ? 'DONE' : 'IN_PROGRESS', reportedAt: addDays(meeting.startsAt, 2), reportedBy: SEED_SUBJECT }],
      completedAt: done ? addDays(meeting.startsAt, 2) : null,
      overdueNoticeAt: done ? null : deadline,
      createdAt: meeting.startsAt,
    });
  }

  private projects(count: number, votingOpensAt: Date, votingClosesAt: Date): MicroProjectDocument[] {
    return this.random.sample(MICRO_PROJECTS, count).map(([title, yuan]) => {
      const project: MicroProjectDocument = {
        _id: this.world.ids.next(),
        communityId: this.host._id,
        communityPath: this.host.path,
        title,
        description: `${this.community.organisations.name}${title}，经居民议事会征集提出。`,
        estimatedCost: yuan * 100,
        actualCost: null,
        votingOpensAt,
        votingClosesAt,
        status: 'PROPOSED',
        voteCount: 0,
        reviewMeetingId: null,
        createdAt: addDays(votingOpensAt, -3),
      };
      this.seed.MicroProject.push(project);
      return project;
    });
  }

  /** Distinct residents of the community vote, within the window; returns how many. */
  private votes(project: MicroProjectDocument, count: number): number {
    const voters = this.random.sample(this.community.residents, Math.min(count, this.community.residents.length));
    const span = Math.min(project.votingClosesAt.getTime(), this.timeline.today.getTime()) - project.votingOpensAt.getTime();
    project.voteCount = voters.length;
    for (const voter of voters) {
      this.seed.MicroProjectVote.push({ _id: this.world.ids.next(), microProjectId: project._id, residentId: voter._id, votedAt: new Date(project.votingOpensAt.getTime() + this.random.next() * span) });
    }
    return voters.length;
  }

  private meeting(kind: MeetingKind, title: string, startsAt: Date, status: 'PLANNED' | 'CLOSED'): MeetingDocument {
    const meeting: MeetingDocument = {
      _id: this.world.ids.next(),
      kind,
      title,
      hostIds: [this.host._id],
      hostPaths: this.host.path,
      level: 'COMMUNITY',
      startsAt,
      place: `${this.community.organisations.name}党群服务中心议事厅`,
      onlineUrl: null,
      status,
      openedAt: status === 'CLOSED' ? startsAt : null,
      closedAt: status === 'CLOSED' ? new Date(startsAt.getTime() + 2 * 3600_000) : null,
      createdAt: addDays(startsAt, -7),
      createdBy: SEED_SUBJECT,
    };
    this.seed.Meeting.push(meeting);
    return meeting;
  }

  private invite(meeting: MeetingDocument, invitee: { resident?: ResidentReference; organisation?: OrganisationReference }, role: ParticipantRole, attended: boolean): ParticipantDocument {
    const residentId: Types.ObjectId | null = invitee.resident?._id ?? null;
    const organisationId: Types.ObjectId | null = invitee.organisation?._id ?? null;
    const participant: ParticipantDocument = {
      _id: this.world.ids.next(),
      meetingId: meeting._id,
      residentId,
      organisationId,
      role,
      reply: 'ACCEPTED',
      attended,
      attendanceAnnounced: false,
      invitedAt: meeting.createdAt,
    };
    this.seed.Participant.push(participant);
    return participant;
  }

  private agendaItem(meeting: MeetingDocument, position: number, title: string, about: { wishId?: Types.ObjectId; microProjectId?: Types.ObjectId }): AgendaItemDocument {
    const item: AgendaItemDocument = {
      _id: this.world.ids.next(),
      wishId: about.wishId ?? null,
      microProjectId: about.microProjectId ?? null,
      meetingId: meeting._id,
      position,
      title,
      minutes: null,
      decision: null,
      createdAt: meeting.createdAt,
    };
    this.seed.AgendaItem.push(item);
    return item;
  }

  /** A decision as recordDecision would accept it: quorum met, votes no more than the attendees. */
  private decide(meeting: MeetingDocument, participants: ParticipantDocument[], item: AgendaItemDocument, text: string, outcome: 'APPROVED' | 'REJECTED' | null): void {
    const counted = participants.map((participant) => ({ role: participant.role, organisationId: participant.organisationId?.toHexString() ?? null, attended: participant.attended }));
    const quorum = evaluateQuorum(meeting.kind, counted, meeting.hostIds.map((id) => id.toHexString()));
    if (!quorum.met) throw new Error(`seed: ${meeting.title} decides without its quorum (${quorum.rule})`);
    const present = participants.filter((participant) => participant.attended).length;
    const against = outcome === 'REJECTED' ? present - 1 : 0;
    item.minutes = `${item.title}：与会各方充分发表意见，形成一致意见。`;
    item.decision = { text, votes: { inFavour: present - against, against, abstaining: 0 }, adopted: outcome !== 'REJECTED', microProjectOutcome: outcome, recordedAt: meeting.startsAt, recordedBy: SEED_SUBJECT };
  }

  /** Distinct residents: one invitation per invitee and meeting. */
  private people(count: number): ResidentReference[] {
    return this.random.sample(this.community.residents, count);
  }
}
