/**
 * Every domain event the graph publishes, with the facts it carries. An event says what happened
 * to the publishing department's own records, by id: another department's people appear only as
 * ids (never a name, phone or reason), so a consumer learns nothing it does not already own.
 * Facts are only ever added to a kind; a consumer must keep reading events written before.
 */

/** Who claimed or handles something: a resident or an organisation. */
export interface PartyRef {
  type: 'Resident' | 'Organisation';
  id: string;
}

/**
 * What a fulfilment or resolution achieved (no resident in it); `recordedAt` ISO. The quantities'
 * item and unit are free text and stay with wishes: the event says how many quantities were stated.
 */
export interface OutcomeFacts {
  quantityCount: number;
  beneficiaries: { households: number | null; persons: number | null } | null;
  partnerIds: string[];
  daysTaken: number;
  recordedAt: string;
}

/** A resident's sensitive data as the access log names it (residents' PersonalDataField), in the order an entry lists them. */
export const PERSONAL_DATA_FIELDS = ['ID_NUMBER', 'PHONE', 'SPECIAL_CARE', 'ADDRESS', 'DISBURSEMENTS_RECEIVED'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

export interface EventFacts {
  // wishes: micro-wishes (claimed) ...
  'wish.published': { wishId: string; requesterId: string; communityId: string; gridId: string | null };
  'wish.claimed': { wishId: string; requesterId: string; claimant: PartyRef; communityId: string };
  'wish.handedBack': { wishId: string; requesterId: string; claimant: PartyRef };
  /** `servedBy`: the residents who did the work: the claimant, or the members an organisation names. `outcome`: null when none was stated, absent from events before outcomes. */
  'wish.fulfilled': { wishId: string; requesterId: string; claimant: PartyRef; servedBy: string[]; outcome?: OutcomeFacts | null };
  /** `rating` null and `automatic` true: the requester stayed silent and the wish was confirmed for them. */
  'wish.confirmed': { wishId: string; requesterId: string; claimant: PartyRef; servedBy: string[]; rating: number | null; automatic: boolean; communityId: string };
  /** `previousClaimant`: who served a micro-wish (and serves it again); `handlerId`: a request's handler. */
  'wish.reopened': { wishId: string; requesterId: string; previousClaimant: PartyRef | null; handlerId: string | null };
  'wish.escalated': { wishId: string; requesterId: string; fromHandlerId: string | null; toOrganisationId: string };
  // ... and requests (routed to a handler)
  /** On publication and on reassignment: `deadline` is the handler's acknowledgement deadline. */
  'request.routed': { wishId: string; requesterId: string; handlerId: string; deadline: string | null };
  /** `handlerIds`: the departments given work orders by this dispatch. */
  'request.dispatched': { wishId: string; requesterId: string; handlerIds: string[] };
  /** `outcome`: null when none was stated (or the last work order closed it), absent from events before outcomes. */
  'request.resolved': { wishId: string; requesterId: string; handlerId: string; outcome?: OutcomeFacts | null };
  /** Within DEADLINE_NEAR_HOURS of the deadline that matters now (acknowledge, then resolve); once per deadline. */
  'request.deadlineNear': { wishId: string; handlerId: string; deadline: string };
  'request.overdue': { wishId: string; handlerId: string; deadline: string };
  // organisations: activities (微行动); `organisationId` is the host
  'activity.signedUp': { activityId: string; residentId: string; organisationId: string };
  'activity.checkedIn': { activityId: string; residentId: string; organisationId: string; hours: number };
  // organisations: door-to-door mobilisations of a micro-grid; `communityId` is the grid's community.
  // A visit's household and outcome are personal facts and stay with organisations: only its id travels.
  'mobilisation.started': { mobilisationId: string; gridId: string; communityId: string; deadline: string; households: number };
  'mobilisation.householdVisited': { mobilisationId: string; visitId: string; gridId: string; communityId: string };
  /** Every household answered the door (REACHED or REFUSED). */
  'mobilisation.completed': { mobilisationId: string; gridId: string; communityId: string };
  /** Still short of full coverage at the deadline: escalated to the community. `unanswered`: households still owed. */
  'mobilisation.overdue': { mobilisationId: string; gridId: string; communityId: string; deadline: string; unanswered: number };
  'mobilisation.closed': { mobilisationId: string; gridId: string; communityId: string };
  // meetings; `organisationId` is the meeting's lead host, an action item's assignee its responsible organisation
  'meeting.attended': { meetingId: string; residentId: string; organisationId: string };
  /** `organisationId`: the meeting's lead host; `wishId` or `microProjectId`: the matter decided, if any. */
  'decision.recorded': { meetingId: string; agendaItemId: string; organisationId: string; adopted: boolean; wishId: string | null; microProjectId: string | null };
  'actionItem.assigned': { actionItemId: string; meetingId: string; assignee: PartyRef; dueAt: string | null };
  'actionItem.overdue': { actionItemId: string; meetingId: string; assignee: PartyRef; dueAt: string };
  /** `approved`: the votes reached the community's threshold (outcome PRIORITISED); below it, EXPERT_REVIEW. */
  'microProject.voteClosed': { microProjectId: string; communityId: string; approved: boolean; outcome: 'PRIORITISED' | 'EXPERT_REVIEW'; voteCount: number };
  // resources
  'booking.made': { bookingId: string; resourceId: string; bookedBy: PartyRef };
  'booking.cancelled': { bookingId: string; resourceId: string; bookedBy: PartyRef };
  'disbursement.approved': { disbursementId: string; fundId: string; recipientId: string; amountFen: number };
  // residents: a resident asks for a correction of their data (to their community's staff), and staff decide it
  /** `field`: the fact to correct (a CorrectableFact); the proposed value stays with residents. */
  'dataCorrection.requested': { requestId: string; residentId: string; communityId: string; field: string };
  'dataCorrection.decided': { requestId: string; residentId: string; field: string; accepted: boolean };
  // residents: an account closed, by the resident or by staff; every department removes the person from its records
  'resident.closed': { residentId: string };
  /**
   * Someone other than the resident was answered the resident's unmasked sensitive data (for the
   * residents' access log): the reader as the forwarded viewer named them, the purpose they stated
   * (null: none), the request id and time in the event itself.
   */
  'personalData.read': { residentId: string; fields: PersonalDataField[]; readerSubject: string; readerRoles: string[]; readerScope: string[]; purpose: string | null };
  // notifications: one put in a recipient's inbox (`kind` is its NotificationKind), for live "my notifications"
  'notification.created': { notificationId: string; recipient: PartyRef; kind: string };
}

export type EventKind = keyof EventFacts;

/** The department that owns (and alone publishes) each kind of event. */
export const EVENT_OWNERS = {
  'wish.published': 'wishes',
  'wish.claimed': 'wishes',
  'wish.handedBack': 'wishes',
  'wish.fulfilled': 'wishes',
  'wish.confirmed': 'wishes',
  'wish.reopened': 'wishes',
  'wish.escalated': 'wishes',
  'request.routed': 'wishes',
  'request.dispatched': 'wishes',
  'request.resolved': 'wishes',
  'request.deadlineNear': 'wishes',
  'request.overdue': 'wishes',
  'activity.signedUp': 'organisations',
  'activity.checkedIn': 'organisations',
  'mobilisation.started': 'organisations',
  'mobilisation.householdVisited': 'organisations',
  'mobilisation.completed': 'organisations',
  'mobilisation.overdue': 'organisations',
  'mobilisation.closed': 'organisations',
  'meeting.attended': 'meetings',
  'decision.recorded': 'meetings',
  'actionItem.assigned': 'meetings',
  'actionItem.overdue': 'meetings',
  'microProject.voteClosed': 'meetings',
  'booking.made': 'resources',
  'booking.cancelled': 'resources',
  'disbursement.approved': 'resources',
  'dataCorrection.requested': 'residents',
  'dataCorrection.decided': 'residents',
  'resident.closed': 'residents',
  'personalData.read': 'resources',
  'notification.created': 'notifications',
} as const satisfies Record<EventKind, string>;

export const EVENT_KINDS = Object.keys(EVENT_OWNERS) as EventKind[];

export function isEventKind(value: string): value is EventKind {
  return Object.hasOwn(EVENT_OWNERS, value);
}
