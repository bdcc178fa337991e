import type { Types } from 'mongoose';
import type { Models, ResidentDocument } from '../models/index.ts';

/**
 * The residents department's part of a resident's data export: their record as stored (unmasked:
 * it is their own), their household's address without its other members, their pairings with
 * the other side by id only, their points ledger and spendings, and their correction requests.
 */
export async function residentsPartOf(models: Models, resident: ResidentDocument): Promise<Record<string, unknown>> {
  const id: Types.ObjectId = resident._id;
  const [household, coreMemberPairing, memberPairings, householdPairing, pairedHouseholds, pointsEntries, pointsSpendings, correctionRequests] = await Promise.all([
    models.Household.findById(resident.householdId).lean(),
    models.MemberPairing.findOne({ memberId: id }).lean(),
    models.MemberPairing.find({ coreMemberId: id }).sort({ slot: 1 }).lean(),
    models.HouseholdPairing.findOne({ householdId: resident.householdId }).lean(),
    models.HouseholdPairing.find({ memberId: id }).sort({ slot: 1 }).lean(),
    models.PointsEntry.find({ residentId: id }).sort({ sequence: 1 }).lean(),
    models.PointsSpending.find({ residentId: id }).sort({ at: 1 }).lean(),
    models.DataCorrectionRequest.find({ residentId: id }).sort({ requestedAt: -1, _id: -1 }).lean(),
  ]);
  return {
    resident: {
      id: id.toHexString(),
      name: resident.name,
      gender: resident.gender,
      birthYear: resident.birthYear,
      phone: resident.phone,
      idNumber: resident.idNumber ?? null,
      verificationStatus: resident.verificationStatus,
      specialCare: resident.specialCare,
      householdId: resident.householdId?.toHexString() ?? null,
      gridId: resident.gridId.toHexString(),
      communityId: resident.communityId.toHexString(),
      partyMembership: resident.partyMembership
        ? { branchId: resident.partyMembership.branchId.toHexString(), kind: resident.partyMembership.kind, since: resident.partyMembership.since, core: resident.partyMembership.core }
        : null,
      volunteerProfile: resident.volunteerProfile
        ? { skills: resident.volunteerProfile.skills, teamIds: resident.volunteerProfile.teamIds.map((team) => team.toHexString()), since: resident.volunteerProfile.since }
        : null,
      createdAt: resident.createdAt,
      updatedAt: resident.updatedAt,
    },
    household: household
      ? { id: household._id.toHexString(), building: household.building, unit: household.unit, room: household.room, gridId: household.gridId.toHexString(), communityId: household.communityId.toHexString() }
      : null,
    pairedCoreMember: coreMemberPairing ? { coreMemberId: coreMemberPairing.coreMemberId.toHexString(), pairedAt: coreMemberPairing.pairedAt } : null,
    pairedMembers: memberPairings.map((pairing) => ({ memberId: pairing.memberId.toHexString(), pairedAt: pairing.pairedAt })),
    householdPairedWith: householdPairing ? { memberId: householdPairing.memberId.toHexString(), pairedAt: householdPairing.pairedAt } : null,
    pairedHouseholds: pairedHouseholds.map((pairing) => ({ householdId: pairing.householdId.toHexString(), pairedAt: pairing.pairedAt })),
    pointsEntries: pointsEntries.map((entry) => ({
      id: entry._id.toHexString(),
      amount: entry.amount,
      balanceAfter: entry.balanceAfter,
      source: entry.source,
      reason: entry.reason,
      recordedBy: entry.recordedBy,
      at: entry.at,
      eventId: entry.eventId,
    })),
    pointsSpendings: pointsSpendings.map((spending) => ({ reference: spending._id, points: spending.points, status: spending.status, at: spending.at, closedAt: spending.closedAt })),
    dataCorrectionRequests: correctionRequests.map((request) => ({
      id: request._id.toHexString(),
      field: request.field,
      proposedValue: request.proposedValue,
      note: request.note,
      status: request.status,
      requestedAt: request.requestedAt,
      decidedAt: request.decidedAt,
      decisionNote: request.decisionNote,
      applied: request.applied,
    })),
  };
}
