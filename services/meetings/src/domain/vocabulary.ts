/** The contract's enumerations, as data the models and rules share. */

export const MEETING_KINDS = [
  'HEARING',
  'COORDINATION',
  'PARTY_EVALUATION',
  'RESIDENTS_COUNCIL',
  'CHILDREN_COUNCIL',
  'COURTYARD',
  'JOINT_CONFERENCE',
  'EXPERT_REVIEW',
  'ONLINE_DELIBERATION',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_LEVELS = ['COMMUNITY', 'STREET', 'DISTRICT'] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export const MEETING_STATUSES = ['PLANNED', 'IN_SESSION', 'CLOSED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PARTICIPANT_ROLES = [
  'RESIDENT_REP',
  'PARTY_MEMBER',
  'NPC_DEPUTY',
  'CPPCC_MEMBER',
  'DEPARTMENT_HEAD',
  'PROPERTY_COMPANY',
  'OWNERS_COMMITTEE',
  'EXPERT',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const INVITATION_REPLIES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type InvitationReply = (typeof INVITATION_REPLIES)[number];

export const ACTION_ITEM_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const MICRO_PROJECT_STATUSES = ['PROPOSED', 'PRIORITISED', 'EXPERT_REVIEW', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'DONE'] as const;
export type MicroProjectStatus = (typeof MICRO_PROJECT_STATUSES)[number];

export const MICRO_PROJECT_OUTCOMES = ['APPROVED', 'REJECTED'] as const;
export type MicroProjectOutcome = (typeof MICRO_PROJECT_OUTCOMES)[number];
