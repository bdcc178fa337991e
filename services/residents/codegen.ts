import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types come from the SDL, so a resolver that drifts from its schema fails to compile.
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.ts#Context',
        mapperTypeSuffix: 'Model',
        mappers: {
          Resident: '../models/resident.ts#ResidentDocument',
          PartyMembership: '../models/resident.ts#PartyMembershipDocument',
          VolunteerProfile: '../models/resident.ts#VolunteerProfileDocument',
          Household: '../models/household.ts#HouseholdDocument',
          MemberPairing: '../models/member-pairing.ts#MemberPairingDocument',
          HouseholdPairing: '../models/household-pairing.ts#HouseholdPairingDocument',
          PointsEntry: '../models/points-entry.ts#PointsEntryDocument',
          PointsAccount: '../parents.ts#PointsAccountParent',
          Grid: '../parents.ts#GridReference',
          Organisation: '../parents.ts#OrganisationReference',
          ResidentConnection: '../parents.ts#ResidentConnectionParent',
          ResidentEdge: '../parents.ts#ResidentEdgeParent',
          HouseholdConnection: '../parents.ts#HouseholdConnectionParent',
          HouseholdEdge: '../parents.ts#HouseholdEdgeParent',
          PointsEntryConnection: '../parents.ts#PointsEntryConnectionParent',
          PointsEntryEdge: '../parents.ts#PointsEntryEdgeParent',
        },
        scalars: { DateTime: 'Date' },
        enumsAsTypes: true,
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
