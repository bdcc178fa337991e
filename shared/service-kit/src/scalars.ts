import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** Scalars every subgraph SDL may declare (`scalar DateTime`); JSON carries a department's part of a resident's data export. */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
};
