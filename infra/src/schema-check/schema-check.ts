import { buildSchema, validate } from 'graphql';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { apiSchemaSdl } from '@civic/gateway/api-schema';
import type { IntendedChange } from './intended-changes.ts';
import type { KnownOperation } from './known-operations.ts';
import { operationCoordinates, touches } from './operation-coordinates.ts';

/** One change of the API schema, by the path graphql-inspector names it with. */
export interface SchemaChange {
  path: string;
  message: string;
  type: string;
  /** graphql-inspector's reason for the criticality, where it gives one. */
  reason?: string;
}

/** A known operation a change touches, with what the new API schema says of it (none: it still validates). */
export interface OperationBreak {
  operation: KnownOperation;
  errors: string[];
}

export interface BreakingChange extends SchemaChange {
  /** The entry of infra/schema-changes.yaml that records it as intended, if any. */
  intended?: IntendedChange;
  breaks: OperationBreak[];
}

export interface SchemaCheckResult {
  breaking: BreakingChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  /** Entries of infra/schema-changes.yaml that match no breaking change. */
  stale: IntendedChange[];
  /** Known operations the new API schema refuses that no breaking change explains. */
  invalid: OperationBreak[];
}

export interface SchemaCheckInput {
  releasedSupergraph: string;
  currentSupergraph: string;
  operations: readonly KnownOperation[];
  intended: readonly IntendedChange[];
}

/** A required argument or input field added breaks the operations that use the field or input type. */
const ADDITIONS_TO_PARENT = new Set<string>([ChangeType.FieldArgumentAdded, ChangeType.InputFieldAdded]);

/** Compares the API schemas clients see of two supergraphs, and says which known operations break. */
export async function checkSchemaChanges(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const released = buildSchema(apiSchemaSdl(input.releasedSupergraph));
  const current = buildSchema(apiSchemaSdl(input.currentSupergraph));
  const changes = await diff(released, current);
  const usage = input.operations.map((operation) => ({
    operation,
    coordinates: new Set([...operationCoordinates(released, operation.document), ...operationCoordinates(current, operation.document)]),
    errors: validate(current, operation.document).map((error) => error.message),
  }));

  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change): BreakingChange => {
      const described = schemaChange(change);
      const { path } = described;
      const broken = usage.filter(({ coordinates }) => touches(coordinates, path) || (ADDITIONS_TO_PARENT.has(change.type) && coordinates.has(parentPath(path))));
      return {
        ...described,
        intended: input.intended.find((entry) => entry.path === path),
        breaks: broken.map(({ operation, errors }) => ({ operation, errors })),
      };
    });
  const explained = new Set(breaking.flatMap((change) => change.breaks.map((broken) => broken.operation)));
  return {
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous).map(schemaChange),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking).map(schemaChange),
    stale: input.intended.filter((entry) => !breaking.some((change) => change.path === entry.path)),
    invalid: usage.filter(({ operation, errors }) => errors.length > 0 && !explained.has(operation)).map(({ operation, errors }) => ({ operation, errors })),
  };
}

/** Passes when every breaking change is intended, every intended entry still matches, and every known operation validates or is explained. */
export function checkPassed(result: SchemaCheckResult): boolean {
  return result.breaking.every((change) => change.intended) && result.stale.length === 0 && result.invalid.length === 0;
}

function schemaChange(change: Change): SchemaChange {
  return { path: change.path ?? change.type, message: change.message, type: change.type, ...(change.criticality.reason ? { reason: change.criticality.reason } : {}) };
}

function parentPath(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('.'), 0));
}
