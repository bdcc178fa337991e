import { staffCovers, type Viewer } from '@civic/identity';
import { EVENT_KINDS, EVENT_OWNERS, type AnyCivicEvent, type EventKind } from '@civic/events';
import { liveMobilisationNotFound, liveNoPersonalInbox, liveOrganisationNotFound, liveQueueOutOfScope, liveWishNotFound } from '../gateway-errors.ts';

/** Asks the graph through the gateway as the subscriber; throws the answer's first error. */
export type AskAsSubscriber = <TData>(query: string, variables: Record<string, unknown>) => Promise<TData>;

/**
 * One field of the Subscription type: the query field that makes each push (run with `id` set to
 * the event's target), the events that may concern a subscription, and who may subscribe.
 */
export interface LiveField {
  queryField: string;
  kinds: readonly EventKind[];
  /** What a subscription with these arguments follows: a wish's id, an organisation's id, the caller's resident id. */
  keyOf(args: Record<string, unknown>, viewer: Viewer): string;
  /** What an event concerns, as keys of subscriptions. */
  keysOf(event: AnyCivicEvent): readonly string[];
  /** The record to push for this event: the `id` the query field is run with. */
  targetOf(event: AnyCivicEvent): string;
  /** Throws the refusal when the subscriber may not follow this (asked of the graph as them). */
  authorise(args: Record<string, unknown>, viewer: Viewer, ask: AskAsSubscriber): Promise<void>;
}

type WishEvent = Extract<AnyCivicEvent, { source: 'wishes' }>;

/** Every event of the wishes department is about one wish and changes its status or timeline. */
const WISH_KINDS = EVENT_KINDS.filter((kind) => EVENT_OWNERS[kind] === 'wishes');

function isWishEvent(event: AnyCivicEvent): event is WishEvent {
  return event.source === 'wishes';
}

/** The handlers whose queue an event changes: the handler it names, both ends of an escalation, every department dispatched to. */
function queuesChangedBy(event: AnyCivicEvent): string[] {
  switch (event.kind) {
    case 'request.routed':
    case 'request.resolved':
    case 'request.deadlineNear':
    case 'request.overdue':
      return [event.facts.handlerId];
    case 'request.dispatched':
      return event.facts.handlerIds;
    case 'wish.escalated':
      return [event.facts.fromHandlerId, event.facts.toOrganisationId].filter((id) => id !== null);
    case 'wish.reopened':
      return event.facts.handlerId === null ? [] : [event.facts.handlerId];
    default:
      return [];
  }
}

const QUEUE_KINDS: readonly EventKind[] = ['request.routed', 'request.dispatched', 'request.resolved', 'request.deadlineNear', 'request.overdue', 'wish.escalated', 'wish.reopened'];

const wishTarget = (event: AnyCivicEvent) => (isWishEvent(event) ? event.facts.wishId : '');

type MobilisationEvent = Extract<AnyCivicEvent, { kind: `mobilisation.${string}` }>;

/** Every mobilisation event is about one mobilisation and changes its coverage or status. */
const MOBILISATION_KINDS = EVENT_KINDS.filter((kind) => kind.startsWith('mobilisation.'));

function isMobilisationEvent(event: AnyCivicEvent): event is MobilisationEvent {
  return event.kind.startsWith('mobilisation.');
}

/** The resident a notification was put in the inbox of; none for an organisation's. */
function residentNotified(event: AnyCivicEvent): string[] {
  return event.kind === 'notification.created' && event.facts.recipient.type === 'Resident' ? [event.facts.recipient.id] : [];
}

export const LIVE_FIELDS = {
  wishChanged: {
    queryField: 'wish',
    kinds: WISH_KINDS,
    keyOf: (args) => String(args.id),
    keysOf: (event) => (isWishEvent(event) ? [event.facts.wishId] : []),
    targetOf: wishTarget,
    async authorise(args, _viewer, ask) {
      const { wish } = await ask<{ wish: { id: string } | null }>('query LiveWish($id: ID!) { wish(id: $id) { id } }', { id: args.id });
      if (wish === null) throw liveWishNotFound();
    },
  },
  handlerQueueChanged: {
    queryField: 'wish',
    kinds: QUEUE_KINDS,
    keyOf: (args) => String(args.organisationId),
    keysOf: queuesChangedBy,
    targetOf: wishTarget,
    async authorise(args, viewer, ask) {
      const { organisation } = await ask<{ organisation: { path: string[] } | null }>('query LiveQueueOwner($id: ID!) { organisation(id: $id) { path } }', { id: args.organisationId });
      if (organisation === null) throw liveOrganisationNotFound();
      if (!staffCovers(viewer, organisation.path)) throw liveQueueOutOfScope();
    },
  },
  mobilisationChanged: {
    queryField: 'mobilisation',
    kinds: MOBILISATION_KINDS,
    keyOf: (args) => String(args.id),
    keysOf: (event) => (isMobilisationEvent(event) ? [event.facts.mobilisationId] : []),
    targetOf: (event) => (isMobilisationEvent(event) ? event.facts.mobilisationId : ''),
    // As mobilisation(id): FORBIDDEN for a caller who may not read it, passed on as it comes.
    async authorise(args, _viewer, ask) {
      const { mobilisation } = await ask<{ mobilisation: { id: string } | null }>('query LiveMobilisation($id: ID!) { mobilisation(id: $id) { id } }', { id: args.id });
      if (mobilisation === null) throw liveMobilisationNotFound();
    },
  },
  myNotifications: {
    queryField: 'notification',
    kinds: ['notification.created'],
    keyOf: (_args, viewer) => viewer.residentId ?? '',
    keysOf: residentNotified,
    targetOf: (event) => (event.kind === 'notification.created' ? event.facts.notificationId : ''),
    // As the inbox query: a personal inbox belongs to a resident account.
    async authorise(_args, viewer) {
      if (viewer.residentId === null) throw liveNoPersonalInbox();
    },
  },
} satisfies Record<string, LiveField>;

export type LiveFieldName = keyof typeof LIVE_FIELDS;

/** Every kind any live field listens to: what the gateway asks of the broker. */
export const LIVE_KINDS: readonly EventKind[] = [...new Set(Object.values(LIVE_FIELDS).flatMap((field: LiveField) => field.kinds))];
