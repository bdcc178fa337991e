import { FORWARDED_VIEWER_MAX_LIFETIME_SECONDS } from './contract.ts';

export type ForwardedViewerRefusalReason = 'missing' | 'unsigned' | 'other-audience' | 'expired' | 'too-long-lived' | 'issued-in-future' | 'incomplete';

/** What the caller is told for each reason: the contract fixes these texts, so any language answers alike. */
export const FORWARDED_VIEWER_REFUSALS: Readonly<Record<ForwardedViewerRefusalReason, string>> = {
  missing: 'Subgraphs accept only requests forwarded by the gateway',
  unsigned: 'The forwarded identity was not signed by the gateway',
  'other-audience': 'The forwarded identity is meant for another subgraph',
  expired: 'The forwarded identity has expired',
  'too-long-lived': `A forwarded identity may live at most ${FORWARDED_VIEWER_MAX_LIFETIME_SECONDS} seconds`,
  'issued-in-future': 'The forwarded identity is dated in the future',
  incomplete: 'The forwarded identity lacks a required claim',
};

/**
 * Why a subgraph refuses a forwarded viewer. A subgraph answers it with HTTP `status` and a
 * GraphQL error whose message is this error's and whose `extensions.code` is `code`.
 */
export class ForwardedViewerRefused extends Error {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;

  constructor(readonly reason: ForwardedViewerRefusalReason) {
    super(FORWARDED_VIEWER_REFUSALS[reason]);
    this.name = 'ForwardedViewerRefused';
  }
}
