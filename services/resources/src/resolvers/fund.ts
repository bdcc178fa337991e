import { idOf, paginate, loadReferenced, readIsLogged } from '@civic/service-kit';
import type { DisbursementResolvers, FundLedgerEntryResolvers, FundResolvers } from '../generated/resolvers-types.ts';
import { LEDGER_ENTRY_FIELDS } from '../models/ledger-entry.ts';
import { requireManagerOrReader, requireManagerOrService } from '../authorisation.ts';
import { readUnmanagedFundBalance, readUnmanagedFundDisbursements, readUnmanagedFundLedger } from '../errors.ts';
import { residentReference } from '../mappers.ts';

/** A fund is its FUND resource seen as money: the balance for its managers, analysts, services; who received what for its managers and services. */
export const Fund: FundResolvers = {
  id: idOf,
  resource: (fund) => fund,
  balanceFen: (fund, _args, { viewer }) => {
    requireManagerOrReader(viewer, fund.servedPath, readUnmanagedFundBalance);
    return fund.balanceFen;
  },
  ledger: (fund, { first, after }, { viewer, models }) => {
    requireManagerOrService(viewer, fund.servedPath, readUnmanagedFundLedger);
    return paginate(models.LedgerEntry, { fundId: fund._id }, { first, after }, { field: 'sequence', direction: -1 }, LEDGER_ENTRY_FIELDS);
  },
  disbursements: (fund, { status, first, after }, { viewer, loaders }) => {
    requireManagerOrService(viewer, fund.servedPath, readUnmanagedFundDisbursements);
    return loaders.disbursementPagesOfFund[status ?? 'ALL'].load({ parentId: idOf(fund), first, after });
  },
};

export const FundLedgerEntry: FundLedgerEntryResolvers = {
  id: idOf,
  // A disbursement's entry carries the disbursement's id.
  disbursement: (entry, _args, { loaders }) => (entry.kind === 'DISBURSEMENT' ? loaders.disbursement.load(idOf(entry)) : null),
};

export const Disbursement: DisbursementResolvers = {
  id: idOf,
  fund: (disbursement, _args, { loaders }) => loadReferenced(loaders.resource, disbursement.fundId, 'Fund'),
  // Who received hardship money, and why: answered once the access log has been told (outbox).
  recipient: async (disbursement, _args, { viewer, loaders, clock }) => {
    // A closed account's disbursement names no one.
    if (!disbursement.recipientId) return null;
    const residentId = disbursement.recipientId.toHexString();
    if (readIsLogged(viewer, residentId)) await loaders.personalDataReads({ residentId, organisationPath: null, field: 'DISBURSEMENTS_RECEIVED', at: clock.now() });
    return residentReference(residentId);
  },
  status: (disbursement) => disbursement.state,
};
