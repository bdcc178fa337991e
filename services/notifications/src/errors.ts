import { badUserInput, forbidden } from '@civic/service-kit';

/** Error factories of this service beyond the kit's; resolvers and tests share them. */

/** A personal inbox belongs to a resident account; staff read their organisations' inboxes. */
export function noPersonalInbox() {
  return forbidden('keep a personal inbox without a resident account');
}

/** An organisation's inbox or preferences, for a caller whose scope does not cover it. */
export function readOrganisationInboxOutOfScope() {
  return forbidden("read this organisation's notifications");
}

export function actForOrganisationOutOfScope() {
  return forbidden("change this organisation's notifications");
}

/** A notification of another recipient: neither the caller's own nor an organisation's they act for. */
export function markAnothersNotification() {
  return forbidden("mark another recipient's notifications");
}

export function deliverWithoutServiceRole() {
  return forbidden('run notification delivery');
}

export function tooManyIds(max: number) {
  return badUserInput('ids', `must name at most ${max} notifications`);
}

/** A resident's data export is theirs alone: not another resident's, nor staff's or a service's. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}
