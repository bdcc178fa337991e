import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Stack } from './stack.ts';
import { graphql } from './generated/graph/gql.ts';
import type { CreateActivityInput, GridLevel, OrganisationKind, SpecialCareTag } from './generated/graph/graphql.ts';

/**
 * Seed builders for integration tests: they create data the way users do, with GraphQL
 * mutations through the gateway, as a district admin of a tree made for the test.
 *   const world = await aWorld(stack);
 *   const grid = await world.aMicroGrid();
 *   const household = await world.aHousehold(grid);
 *   const resident = await world.aResident(household, { name: '王秀英' });
 */
export interface World {
  districtId: string;
  streetId: string;
  communityId: string;
  branchId: string;
  /** Token of a district admin whose scope is the whole tree. */
  adminToken: string;
  aCommunityGrid(): Promise<string>;
  aGeneralGrid(): Promise<string>;
  aMicroGrid(): Promise<string>;
  aHousehold(gridId: string, address?: { building?: string; unit?: string; room?: string }): Promise<string>;
  aResident(householdId: string, fields?: { name?: string; phone?: string; idNumber?: string; specialCare?: SpecialCareTag[] }): Promise<string>;
  anActivity(fields?: { title?: string; capacity?: number; visibility?: 'PUBLIC' | 'COMMUNITY' }): Promise<string>;
  /** Signs a resident up for an activity, with the resident's own token. */
  signUp(residentId: string, activityId: string): Promise<void>;
  /** Runs a mutation as the admin; fails the test with the errors if any. */
  mutate<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  mutate<T>(query: string, variables: Record<string, unknown>): Promise<T>;
}

let counter = 0;
const next = () => ++counter;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN_NAMES = ['秀英', '桂兰', '建国', '志强', '丽华', '海燕', '国平', '玉梅', '德明', '春花', '晓东', '凤英'];
/** A different plausible name for each n (a registered name holds no digits). */
const nameFor = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN_NAMES[Math.floor(n / SURNAMES.length) % GIVEN_NAMES.length]}`;

export async function aWorld(stack: Stack): Promise<World> {
  const bootstrap = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  const create = async (token: string, name: string, kind: OrganisationKind, parentId?: string) =>
    (await run(stack, token, CREATE_ORGANISATION, { input: { name, kind, parentId } })).createOrganisation.id;

  const districtId = await create(bootstrap, '建邺区委', 'DISTRICT_COMMITTEE');
  const adminToken = await stack.token({ roles: ['DISTRICT_ADMIN'], scope: [districtId] });
  const streetId = await create(adminToken, '江心洲街道党工委', 'STREET_COMMITTEE', districtId);
  const communityId = await create(adminToken, '新城社区党委', 'COMMUNITY_PARTY_COMMITTEE', streetId);
  const branchId = await create(adminToken, '新城社区第一党支部', 'PARTY_BRANCH', communityId);
  function mutate<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  function mutate(query: string | TypedDocumentNode<unknown, Record<string, unknown>>, variables: Record<string, unknown>): Promise<unknown> {
    return run(stack, adminToken, query, variables);
  }

  let communityGrid: Promise<string> | undefined;
  let generalGrid: Promise<string> | undefined;
  const grid = async (name: string, level: GridLevel, parentId?: string) =>
    (await mutate(CREATE_GRID, { input: { name, level, communityId, parentId, partyBranchId: branchId } })).createGrid.id;

  const world: World = {
    districtId,
    streetId,
    communityId,
    branchId,
    adminToken,
    mutate,
    aCommunityGrid: () => (communityGrid ??= grid('新城社区网格', 'COMMUNITY')),
    aGeneralGrid: async () => (generalGrid ??= grid('第一综合网格', 'GENERAL', await world.aCommunityGrid())),
    aMicroGrid: async () => grid(`第${next()}微网格`, 'MICRO', await world.aGeneralGrid()),
    async aHousehold(gridId, address = {}) {
      const n = next();
      const input = { gridId, building: address.building ?? `${(n % 20) + 1}栋`, unit: address.unit ?? `${(n % 3) + 1}单元`, room: address.room ?? `${100 + n}室` };
      return (await mutate(CREATE_HOUSEHOLD, { input })).createHousehold.id;
    },
    async aResident(householdId, fields = {}) {
      const n = next();
      // Gender and birth year come from the ID number when there is one.
      const facts = fields.idNumber ? {} : ({ gender: 'FEMALE', birthYear: 1960 } as const);
      const input = { householdId, name: fields.name ?? nameFor(n), ...facts, phone: fields.phone, idNumber: fields.idNumber, specialCare: fields.specialCare };
      return (await mutate(REGISTER_RESIDENT, { input })).registerResident.id;
    },
    async anActivity(fields = {}) {
      const input: CreateActivityInput = {
        category: 'ELDERLY_CARE',
        title: fields.title ?? '重阳节敬老活动',
        description: '为小区高龄老人理发、测血压',
        hostId: communityId,
        startsAt: '2030-10-01T01:00:00.000Z',
        endsAt: '2030-10-01T04:00:00.000Z',
        place: { address: '新城社区党群服务中心', location: { longitude: 118.7, latitude: 32.01 } },
        capacity: fields.capacity ?? 50,
        visibility: fields.visibility ?? 'PUBLIC',
      };
      return (await mutate(CREATE_ACTIVITY, { input })).createActivity.id;
    },
    async signUp(residentId, activityId) {
      const token = await stack.token({ roles: ['RESIDENT'], residentId });
      await run(stack, token, SIGN_UP, { activityId });
    },
  };
  return world;
}

async function run<TResult, TVariables extends Record<string, unknown>>(stack: Stack, token: string, query: string | TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await stack.query<TResult>(typeof query === 'string' ? query : print(query), variables, { token });
  if (response.errors.length > 0 || response.data === null) {
    throw new Error(`Builder mutation failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

const CREATE_ORGANISATION = graphql(`mutation BuildOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`);
const CREATE_GRID = graphql(`mutation BuildGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }`);
const CREATE_HOUSEHOLD = graphql(`mutation BuildHousehold($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`);
const REGISTER_RESIDENT = graphql(`mutation BuildResident($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`);
const CREATE_ACTIVITY = graphql(`mutation BuildActivity($input: CreateActivityInput!) { createActivity(input: $input) { id } }`);
const SIGN_UP = graphql(`mutation BuildSignUp($activityId: ID!) { signUpForActivity(activityId: $activityId) { id } }`);
