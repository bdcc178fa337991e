import type { ClientSession } from 'mongoose';
import { DEFAULT_RULE_TERMS, EARNING_KINDS, RULE_SHAPES, type EarningKind, type PointsRule, type PointsRuleTerms } from '../domain/points-rules.ts';
import type { Models } from '../models/index.ts';

/** A rule as published: its terms, and the change that set them (none for a default). */
export interface PublishedPointsRule extends PointsRule {
  kind: EarningKind;
  changedBy: string | null;
  changedAt: Date | null;
}

/** The rule in force when an event occurred: the newest change at or before `at`, else the default. */
export async function ruleInForce(models: Models, kind: EarningKind, at: Date, session: ClientSession | null = null): Promise<PublishedPointsRule> {
  const change = await models.PointsRuleChange.findOne({ kind, changedAt: { $lte: at } }, null, { session }).sort({ changedAt: -1, _id: -1 }).lean();
  return publish(kind, change ?? null);
}

/** Every rule in force at `now`, in the order of EARNING_KINDS: one indexed query per kind. */
export function rulesInForce(models: Models, now: Date): Promise<PublishedPointsRule[]> {
  return Promise.all(EARNING_KINDS.map((kind) => ruleInForce(models, kind, now)));
}

export async function recordRuleChange(models: Models, kind: EarningKind, terms: PointsRuleTerms, changedBy: string, changedAt: Date): Promise<PublishedPointsRule> {
  const change = await models.PointsRuleChange.create({ kind, ...terms, changedBy, changedAt });
  return publish(kind, change);
}

function publish(kind: EarningKind, change: (PointsRuleTerms & { changedBy: string; changedAt: Date }) | null): PublishedPointsRule {
  const terms = change ?? DEFAULT_RULE_TERMS[kind];
  return {
    kind,
    ...RULE_SHAPES[kind],
    points: terms.points,
    dailyCap: terms.dailyCap,
    monthlyCap: terms.monthlyCap,
    changedBy: change?.changedBy ?? null,
    changedAt: change?.changedAt ?? null,
  };
}
