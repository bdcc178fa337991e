import { expect } from 'vitest';
import { summaryOf, type ErrorSummary, type Stack, type World } from '@civic/test-harness';

/**
 * Builders for graph tests: meetings and micro-projects made the way users make them, with
 * GraphQL mutations through the gateway.
 */
export class MeetingWorld {
  constructor(
    private readonly stack: Stack,
    readonly world: World,
  ) {}

  /** Runs an operation that must succeed, and returns its data. */
  async must<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await this.stack.query<T>(query, variables, { token });
    expect(response.errors).toEqual([]);
    return response.data!;
  }

  /** Runs an operation that must fail, and returns its errors as { code, field?, message }. */
  async refused(query: string, variables: Record<string, unknown>, token: string): Promise<ErrorSummary[]> {
    const response = await this.stack.query(query, variables, { token });
    return response.errors.map(summaryOf);
  }

  residentToken(residentId: string): Promise<string> {
    return this.stack.token({ roles: ['RESIDENT'], residentId });
  }

  staffToken(scope: string[]): Promise<string> {
    return this.stack.token({ roles: ['COMMUNITY_WORKER'], scope });
  }

  async anOrganisation(name: string, kind: string, parentId = this.world.communityId): Promise<string> {
    const created = await this.world.mutate<{ createOrganisation: { id: string } }>(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
      input: { name, kind, parentId },
    });
    return created.createOrganisation.id;
  }

  async aResidentIn(gridId: string, name?: string): Promise<string> {
    return this.world.aResident(await this.world.aHousehold(gridId), name ? { name } : {});
  }

  async aWish(residentId: string, gridId: string, title: string): Promise<string> {
    const input = { kind: 'HELP', category: 'SELF_GOVERNANCE', title, description: `${title}，希望社区出面协调。`, channel: 'APP', communityId: this.world.communityId, gridId };
    const data = await this.must<{ submitWish: { id: string } }>(`mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }`, { input }, await this.residentToken(residentId));
    return data.submitWish.id;
  }

  async aMeeting(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await this.must<{ scheduleMeeting: { id: string } }>(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, { input }, token);
    return data.scheduleMeeting.id;
  }

  async anAgendaItem(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await this.must<{ addAgendaItem: { id: string } }>(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input }, token);
    return data.addAgendaItem.id;
  }

  async invite(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await this.must<{ inviteParticipant: { id: string } }>(`mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id } }`, { input }, token);
    return data.inviteParticipant.id;
  }

  async attend(token: string, participantId: string): Promise<void> {
    await this.must(`mutation($id: ID!) { recordAttendance(participantId: $id, attended: true) { id } }`, { id: participantId }, token);
  }
}
