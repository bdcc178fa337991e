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
          Organisation: '../models/organisation.ts#OrganisationDocument',
          Grid: '../models/grid.ts#GridDocument',
          Partnership: '../models/partnership.ts#PartnershipDocument',
          Agreement: '../models/agreement.ts#AgreementDocument',
          Activity: '../models/activity.ts#ActivityDocument',
          ActivityPlace: '../models/activity.ts#ActivityPlaceDocument',
          ActivityCheckIn: '../models/activity-check-in.ts#ActivityCheckInDocument',
          Post: '../models/post.ts#PostDocument',
          Resident: '../connection-types.ts#ResidentReference',
          OrganisationConnection: '../connection-types.ts#OrganisationConnectionModel',
          OrganisationEdge: '../connection-types.ts#OrganisationEdgeModel',
          GridConnection: '../connection-types.ts#GridConnectionModel',
          GridEdge: '../connection-types.ts#GridEdgeModel',
          ActivityConnection: '../connection-types.ts#ActivityConnectionModel',
          ActivityEdge: '../connection-types.ts#ActivityEdgeModel',
          PostConnection: '../connection-types.ts#PostConnectionModel',
          PostEdge: '../connection-types.ts#PostEdgeModel',
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
