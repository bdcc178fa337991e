import type { MeetingKind, ParticipantRole } from './vocabulary.ts';

/**
 * The quorum of each kind of meeting, as data: a decision is recorded only once it is met.
 * - a share of the invitees in some roles attended (more than half of the residents' reps);
 * - at least a number of attendees in some roles (an expert review needs 3 reviewers);
 * - every host is represented by an attending organisation participant (a joint conference);
 * - every invited organisation attended (a coordination meeting needs every party to the dispute).
 */
export type QuorumRule =
  | { type: 'MAJORITY_OF_INVITED'; roles: readonly ParticipantRole[] | 'ALL' }
  | { type: 'AT_LEAST'; roles: readonly ParticipantRole[]; count: number }
  | { type: 'EACH_HOST_REPRESENTED' }
  | { type: 'EVERY_INVITED_ORGANISATION' };

export const REVIEWER_ROLES: readonly ParticipantRole[] = ['EXPERT', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'DEPARTMENT_HEAD'];
export const MIN_REVIEWERS = 3;

export const QUORUM_RULES: Readonly<Record<MeetingKind, QuorumRule>> = {
  HEARING: { type: 'MAJORITY_OF_INVITED', roles: 'ALL' },
  COORDINATION: { type: 'EVERY_INVITED_ORGANISATION' },
  PARTY_EVALUATION: { type: 'MAJORITY_OF_INVITED', roles: ['PARTY_MEMBER'] },
  RESIDENTS_COUNCIL: { type: 'MAJORITY_OF_INVITED', roles: ['RESIDENT_REP'] },
  CHILDREN_COUNCIL: { type: 'MAJORITY_OF_INVITED', roles: ['RESIDENT_REP'] },
  COURTYARD: { type: 'MAJORITY_OF_INVITED', roles: ['RESIDENT_REP'] },
  JOINT_CONFERENCE: { type: 'EACH_HOST_REPRESENTED' },
  EXPERT_REVIEW: { type: 'AT_LEAST', roles: REVIEWER_ROLES, count: MIN_REVIEWERS },
  ONLINE_DELIBERATION: { type: 'MAJORITY_OF_INVITED', roles: 'ALL' },
};

export interface QuorumParticipant {
  role: ParticipantRole;
  organisationId: string | null;
  attended: boolean;
}

export interface QuorumState {
  met: boolean;
  present: number;
  required: number;
  rule: string;
}

export function evaluateQuorum(kind: MeetingKind, participants: readonly QuorumParticipant[], hostIds: readonly string[]): QuorumState {
  const rule = QUORUM_RULES[kind];
  switch (rule.type) {
    case 'MAJORITY_OF_INVITED': {
      const roles = rule.roles;
      const invited = participants.filter((participant) => roles === 'ALL' || roles.includes(participant.role));
      const required = Math.floor(invited.length / 2) + 1;
      const present = invited.filter((participant) => participant.attended).length;
      const who = roles === 'ALL' ? 'invitees' : `invited ${roles.join('/')}`;
      return { met: present >= required, present, required, rule: `more than half of the ${who} attend` };
    }
    case 'AT_LEAST': {
      const present = participants.filter((participant) => participant.attended && rule.roles.includes(participant.role)).length;
      return { met: present >= rule.count, present, required: rule.count, rule: `at least ${rule.count} of ${rule.roles.join('/')} attend` };
    }
    case 'EACH_HOST_REPRESENTED': {
      const represented = new Set(participants.filter((participant) => participant.attended && participant.organisationId).map((participant) => participant.organisationId));
      const present = hostIds.filter((hostId) => represented.has(hostId)).length;
      return { met: present === hostIds.length, present, required: hostIds.length, rule: 'every host organisation attends' };
    }
    case 'EVERY_INVITED_ORGANISATION': {
      const organisations = participants.filter((participant) => participant.organisationId !== null);
      const present = organisations.filter((participant) => participant.attended).length;
      // At least one party: a coordination meeting without the parties settles nothing.
      const required = Math.max(1, organisations.length);
      return { met: present >= required, present, required, rule: 'every invited organisation attends' };
    }
  }
}
