import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { queryLimitsRule, type QueryLimits } from '../query-limits.ts';

/** The Apollo runtime's depth and field limits, as a validation rule of Hive Gateway. */
export function queryLimitsPlugin(limits: QueryLimits): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(queryLimitsRule(limits));
    },
  };
}
