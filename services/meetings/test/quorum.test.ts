import { describe, expect, it } from 'vitest';
import { evaluateQuorum, type QuorumParticipant } from '../src/domain/quorum.ts';
import type { ParticipantRole } from '../src/domain/vocabulary.ts';

const person = (role: ParticipantRole, attended: boolean): QuorumParticipant => ({ role, organisationId: null, attended });
const organisation = (role: ParticipantRole, organisationId: string, attended: boolean): QuorumParticipant => ({ role, organisationId, attended });

describe('quorum per kind of meeting', () => {
  it("needs more than half of a residents' council's invited representatives", () => {
    const invited = [person('RESIDENT_REP', true), person('RESIDENT_REP', true), person('RESIDENT_REP', false), person('RESIDENT_REP', false), person('PARTY_MEMBER', true)];
    expect(evaluateQuorum('RESIDENTS_COUNCIL', invited, [])).toEqual({ met: false, present: 2, required: 3, rule: 'more than half of the invited RESIDENT_REP attend' });
    expect(evaluateQuorum('RESIDENTS_COUNCIL', [...invited.slice(0, 3), person('RESIDENT_REP', true)], [])).toEqual({
      met: true,
      present: 3,
      required: 3,
      rule: 'more than half of the invited RESIDENT_REP attend',
    });
  });

  it('is never met without invitees', () => {
    expect(evaluateQuorum('COURTYARD', [], [])).toEqual({ met: false, present: 0, required: 1, rule: 'more than half of the invited RESIDENT_REP attend' });
    expect(evaluateQuorum('COORDINATION', [], [])).toEqual({ met: false, present: 0, required: 1, rule: 'every invited organisation attends' });
  });

  it('needs every host of a joint conference represented', () => {
    const participants = [organisation('DEPARTMENT_HEAD', 'street', true), organisation('DEPARTMENT_HEAD', 'community', false), person('RESIDENT_REP', true)];
    expect(evaluateQuorum('JOINT_CONFERENCE', participants, ['street', 'community'])).toEqual({ met: false, present: 1, required: 2, rule: 'every host organisation attends' });
    participants[1] = organisation('DEPARTMENT_HEAD', 'community', true);
    expect(evaluateQuorum('JOINT_CONFERENCE', participants, ['street', 'community']).met).toBe(true);
  });

  it('needs at least three reviewers at an expert review, whatever else attends', () => {
    const two = [person('EXPERT', true), person('NPC_DEPUTY', true), person('RESIDENT_REP', true), person('CPPCC_MEMBER', false)];
    expect(evaluateQuorum('EXPERT_REVIEW', two, [])).toEqual({ met: false, present: 2, required: 3, rule: 'at least 3 of EXPERT/NPC_DEPUTY/CPPCC_MEMBER/DEPARTMENT_HEAD attend' });
    expect(evaluateQuorum('EXPERT_REVIEW', [...two, person('DEPARTMENT_HEAD', true)], []).met).toBe(true);
  });

  it('needs every party to a dispute at a coordination meeting', () => {
    const parties = [organisation('PROPERTY_COMPANY', 'property', true), organisation('OWNERS_COMMITTEE', 'owners', false), person('RESIDENT_REP', false)];
    expect(evaluateQuorum('COORDINATION', parties, ['community'])).toEqual({ met: false, present: 1, required: 2, rule: 'every invited organisation attends' });
    parties[1] = organisation('OWNERS_COMMITTEE', 'owners', true);
    expect(evaluateQuorum('COORDINATION', parties, ['community'])).toEqual({ met: true, present: 2, required: 2, rule: 'every invited organisation attends' });
  });

  it('counts party members at an evaluation and everyone at a hearing', () => {
    expect(evaluateQuorum('PARTY_EVALUATION', [person('PARTY_MEMBER', true), person('PARTY_MEMBER', false), person('RESIDENT_REP', false)], []).met).toBe(false);
    expect(evaluateQuorum('HEARING', [person('PARTY_MEMBER', true), person('RESIDENT_REP', true), person('EXPERT', false)], [])).toEqual({
      met: true,
      present: 2,
      required: 2,
      rule: 'more than half of the invitees attend',
    });
  });
});
