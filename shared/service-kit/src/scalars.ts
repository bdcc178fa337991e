import { DateTimeResolver } from 'graphql-scalars';

/** Scalars every subgraph SDL may declare (`scalar DateTime`). */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
};
