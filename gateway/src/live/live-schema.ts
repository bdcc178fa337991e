import { readFileSync } from 'node:fs';
import { buildSchema, extendSchema, parse, type GraphQLSchema } from 'graphql';

const SUBSCRIPTION_SDL = parse(readFileSync(new URL('./subscriptions.graphql', import.meta.url), 'utf8'));

/** The schema subscriptions are validated against: the graph's API schema (its SDL) with the gateway's Subscription type. */
export function liveSchemaOf(apiSdl: string): GraphQLSchema {
  return extendSchema(buildSchema(apiSdl), SUBSCRIPTION_SDL);
}
