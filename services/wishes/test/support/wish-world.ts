import { summaryOf, type ErrorSummary, type Stack, type World } from '@civic/test-harness';

/**
 * Builders for wishes in graph tests: they act as users do, through the gateway. Residents are
 * registered by aWorld; these add volunteers, party members, partner organisations and wishes.
 */

export const WISH_FIELDS_SELECTION = `id status kind category title tags organisationPath
  requester { id } claimant { __typename ... on Resident { id } ... on Organisation { id } }
  handler { id } handlingLevel claimLevel routingRule { ruleId level } acknowledgeDeadline resolveDeadline overdue
  feedback { rating comment automatic } workOrders { id part status assignee { id } }
  timeline { action status note }`;

export interface WishView {
  id: string;
  status: string;
  kind: string;
  category: string;
  title: string;
  tags: string[];
  organisationPath: string[];
  requester: { id: string } | null;
  claimant: { __typename: string; id: string } | null;
  handler: { id: string } | null;
  handlingLevel: string | null;
  claimLevel: string | null;
  routingRule: { ruleId: string; level: string } | null;
  acknowledgeDeadline: string | null;
  resolveDeadline: string | null;
  overdue: boolean;
  feedback: { rating: number | null; comment: string | null; automatic: boolean } | null;
  workOrders: { id: string; part: string; status: string; assignee: { id: string } }[];
  timeline: { action: string; status: string; note: string | null }[];
}

export interface WishInput {
  kind?: string;
  category?: string;
  title?: string;
  description?: string;
  tags?: string[];
  channel?: string;
  communityId: string;
  gridId: string;
  requesterId?: string;
}

export class WishWorld {
  constructor(
    readonly stack: Stack,
    readonly world: World,
  ) {}

  residentToken(residentId: string, roles: string[] = ['RESIDENT']): Promise<string> {
    return this.stack.token({ roles: roles as never, residentId });
  }

  staffToken(role: string, scope: string[]): Promise<string> {
    return this.stack.token({ roles: [role] as never, scope });
  }

  /** A registered resident with a volunteer profile, and a token with role VOLUNTEER. */
  async aVolunteer(gridId: string, name = '李志强'): Promise<{ id: string; token: string }> {
    const id = await this.world.aResident(await this.world.aHousehold(gridId), { name });
    await this.world.mutate('mutation($id: ID!, $p: VolunteerProfileInput){ setVolunteerProfile(residentId: $id, profile: $p) { id } }', {
      id,
      p: { skills: ['买菜代购', '陪同就医'], teamIds: [] },
    });
    return { id, token: await this.residentToken(id, ['RESIDENT', 'VOLUNTEER']) };
  }

  /** A registered resident whose party membership is with the world's party branch. */
  async aBranchMember(gridId: string, name = '李建国'): Promise<string> {
    const id = await this.world.aResident(await this.world.aHousehold(gridId), { name });
    await this.world.mutate('mutation($id: ID!, $m: PartyMembershipInput){ setPartyMembership(residentId: $id, membership: $m) { id } }', {
      id,
      m: { branchId: this.world.branchId, kind: 'REGULAR', since: '2020-07-01T00:00:00.000Z' },
    });
    return id;
  }

  async anOrganisation(name: string, kind: string, parentId: string): Promise<string> {
    const data = await this.world.mutate<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!){ createOrganisation(input: $input) { id } }',
      { input: { name, kind, parentId } },
    );
    return data.createOrganisation.id;
  }

  /**
   * A tripartite agreement of the world's community with the owners' committee and a property company,
   * 2 h to answer and 48 h to close; the newest signed routes the community's requests to its company.
   */
  async signAgreement(ownersCommitteeId: string, propertyCompanyId: string, signedOn: string): Promise<string> {
    const contact = { name: '陈海燕', phone: '13812345678' };
    const data = await this.world.mutate<{ signAgreement: { id: string } }>('mutation($input: SignAgreementInput!){ signAgreement(input: $input) { id } }', {
      input: {
        communityId: this.world.communityId,
        ownersCommitteeId,
        propertyCompanyId,
        communityContact: contact,
        ownersCommitteeContact: contact,
        propertyCompanyContact: contact,
        responseDeadlineHours: 2,
        resolutionDeadlineHours: 48,
        signedOn,
      },
    });
    return data.signAgreement.id;
  }

  /** Submits as the requester (a resident for themself), returns the new wish. */
  async submit(input: WishInput, token: string): Promise<WishView> {
    const response = await this.stack.query<{ submitWish: WishView }>(`mutation($input: SubmitWishInput!){ submitWish(input: $input) { ${WISH_FIELDS_SELECTION} } }`, { input: wishInput(input) }, { token });
    if (response.errors.length > 0) throw new Error(`submitWish failed: ${JSON.stringify(response.errors)}`);
    return response.data!.submitWish;
  }

  /** Runs a mutation returning a Wish, as the given token (with `requestId` as its request id, when given); returns data and errors. */
  async act(mutation: string, variables: Record<string, unknown>, token: string, requestId?: string) {
    const response = await this.stack.query<Record<string, WishView>>(mutation.replace('{WISH}', `{ ${WISH_FIELDS_SELECTION} }`), variables, { token, requestId });
    const data = response.data ? Object.values(response.data)[0] ?? null : null;
    return { wish: data, errors: response.errors };
  }

  /** Like act, failing the test with the errors if there are any. */
  async must(mutation: string, variables: Record<string, unknown>, token: string, requestId?: string): Promise<WishView> {
    const { wish, errors } = await this.act(mutation, variables, token, requestId);
    if (errors.length > 0 || !wish) throw new Error(`Mutation failed: ${JSON.stringify(errors)}`);
    return wish;
  }
}

export function wishInput(input: WishInput): Record<string, unknown> {
  return {
    kind: input.kind ?? 'WISH',
    category: input.category ?? 'PUBLIC_WELFARE',
    title: input.title ?? '帮忙买菜送上门',
    description: input.description ?? '老人腿脚不便，每周需要有人帮忙买一次菜送到家里',
    tags: input.tags ?? ['助老'],
    channel: input.channel ?? 'APP',
    communityId: input.communityId,
    gridId: input.gridId,
    requesterId: input.requesterId,
  };
}

export const PUBLISH = 'mutation($id: ID!){ publishWish(id: $id) {WISH} }';
export const CLAIM = 'mutation($id: ID!, $org: ID){ claimWish(id: $id, asOrganisationId: $org) {WISH} }';
export const START = 'mutation($id: ID!){ startWishService(id: $id) {WISH} }';
export const ACKNOWLEDGE = 'mutation($id: ID!){ acknowledgeRequest(id: $id) {WISH} }';
export const FULFIL = 'mutation($id: ID!, $note: String, $servedBy: [ID!], $outcome: OutcomeInput){ fulfilWish(id: $id, note: $note, servedBy: $servedBy, outcome: $outcome) {WISH} }';
export const RESOLVE = 'mutation($id: ID!, $note: String, $outcome: OutcomeInput){ resolveRequest(id: $id, note: $note, outcome: $outcome) {WISH} }';
/** Deprecated for fulfilWish and resolveRequest; kept for one release. */
export const COMPLETE = 'mutation($id: ID!, $note: String, $servedBy: [ID!], $outcome: OutcomeInput){ completeWish(id: $id, note: $note, servedBy: $servedBy, outcome: $outcome) {WISH} }';
export const CONFIRM = 'mutation($id: ID!, $rating: Int!, $comment: String){ confirmWish(id: $id, rating: $rating, comment: $comment) {WISH} }';
export const DISPATCH = 'mutation($id: ID!, $orders: [WorkOrderInput!]!){ dispatchWish(id: $id, workOrders: $orders) {WISH} }';
export const CLOSE_ORDER = 'mutation($id: ID!, $order: ID!, $note: String){ closeWorkOrder(wishId: $id, workOrderId: $order, note: $note) {WISH} }';
export const SWEEP = 'mutation($at: DateTime){ runDeadlineSweep(at: $at) { escalated autoConfirmed } }';
export const REJECT = 'mutation($id: ID!, $reason: String!){ rejectWish(id: $id, reason: $reason) {WISH} }';
export const REASSIGN = 'mutation($id: ID!, $handler: ID!, $note: String!){ reassignWish(id: $id, handlerId: $handler, note: $note) {WISH} }';
export const HAND_BACK = 'mutation($id: ID!, $reason: String!){ handBackWish(id: $id, reason: $reason) {WISH} }';
export const REOPEN = 'mutation($id: ID!, $reason: String!){ reopenWish(id: $id, reason: $reason) {WISH} }';
export const READ = 'query($id: ID!){ wish(id: $id) {WISH} }';

/** Errors as { code, field?, message }, to compare with the error factories' errors. */
export function errorsOf(errors: { message: string; extensions?: Record<string, unknown> }[]): ErrorSummary[] {
  return errors.map(summaryOf);
}
