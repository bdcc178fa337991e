/**
 * The explorer's example operations, one tab for each kind of user. Each says whose token it needs
 * and how to get one; all of them answer on the sample data `npm start` seeds.
 */
export interface ExampleOperation {
  /** Who the operation is for. */
  caller: 'anonymous' | 'resident' | 'grid worker' | 'street admin' | 'analyst';
  /** Where the caller's token comes from. */
  token: string;
  /** One or more named operations; the tab is named after the first. */
  document: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    caller: 'anonymous',
    token: 'none: leave the token field empty (anonymous callers read organisations, grids, public posts and activities)',
    document: `query PublicNeighbourhood {
  organisations(filter: { kind: COMMUNITY_PARTY_COMMITTEE }, first: 10) {
    totalCount
    edges { node { name contact { phone address } } }
  }
  activities(first: 3) {
    edges { node { title startsAt place { address } remainingPlaces host { name } } }
  }
}`,
  },
  {
    caller: 'resident',
    token: 'npm run -s token -- --role RESIDENT --resident <residentId> (npm start prints one for a sample resident)',
    document: `query MyHousehold {
  me {
    name
    phone
    household { building unit room }
    grid { name }
    activities(first: 5) { totalCount edges { node { title startsAt } } }
  }
  myWishes(first: 5) {
    totalCount
    edges { node { title status } }
  }
}`,
  },
  {
    caller: 'grid worker',
    token: 'npm run -s token -- --role GRID_WORKER --resident <residentId> --scope <communityId> (npm start prints one for a sample grid worker)',
    document: `query ResidentsNeedingCare {
  residents(filter: { specialCare: ELDERLY_80_PLUS }, first: 10) {
    totalCount
    edges { node { name phone birthYear household { building unit room } grid { name } } }
  }
}`,
  },
  {
    caller: 'street admin',
    token: 'the one npm start prints (npm run -s token -- --role STREET_ADMIN --scope <streetId>)',
    document: `query WishesUnderWay {
  wishes(first: 5, filter: { status: [CLAIMED, IN_SERVICE, ROUTED] }) {
    totalCount
    edges {
      node {
        title
        kind
        status
        requester { name }
        claimant { ... on Resident { name } ... on Organisation { name } }
        handler { name }
        grid { name }
        matchingResources { title pool }
        meetings(first: 3) { edges { node { title } } }
      }
    }
  }
}`,
  },
  {
    caller: 'analyst',
    token: 'npm run -s token -- --role ANALYST',
    document: `# Run Streets first and put a street's id into the variables as organisationId.
query StreetStatistics($organisationId: ID!, $from: String!, $to: String!) {
  wishStats(input: { organisationId: $organisationId, from: $from, to: $to }) {
    total
    byStatus { status count }
    byCategory { category count }
    medianHoursToClaim
    medianHoursToResolve
    onTimeRate
    meanRating
    minimumGroupSize
    withheldCells
  }
}

query Streets {
  organisations(filter: { kind: STREET_COMMITTEE }) {
    edges { node { id name } }
  }
}`,
    variables: { organisationId: '<a street id from Streets>', from: '2024-01', to: '2026-12' },
  },
];

/** An example as the explorer's tab shows it: who it is for and their token, above the operations. */
export function exampleTab(example: ExampleOperation): { query: string; variables?: string } {
  const query = `# For: ${example.caller}\n# Token: ${example.token}\n\n${example.document}\n`;
  return example.variables ? { query, variables: JSON.stringify(example.variables, null, 2) } : { query };
}
