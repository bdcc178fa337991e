import { newEvent, type AnyCivicEvent } from '@civic/events';
import { createLogger, disconnectedGraphClient, inTransaction, systemClock } from '@civic/service-kit';
import { Types } from 'mongoose';
import { pointsConsumer } from '../../src/consumers/points-consumer.ts';
import type { Models } from '../../src/models/index.ts';

/** Earning events as their departments publish them, and the points consumer applying them as the event runner does. */

const someId = () => new Types.ObjectId().toHexString();

export function wishConfirmed(servedBy: string[], rating: number, at: Date, communityId = someId()) {
  return newEvent('wish.confirmed', { wishId: someId(), requesterId: someId(), claimant: { type: 'Resident', id: servedBy[0]! }, servedBy, rating, automatic: false, communityId }, at);
}

export function checkedIn(residentId: string, hours: number, at: Date) {
  return newEvent('activity.checkedIn', { activityId: someId(), residentId, organisationId: someId(), hours }, at);
}

export function attended(residentId: string, at: Date) {
  return newEvent('meeting.attended', { meetingId: someId(), residentId, organisationId: someId() }, at);
}

/** `apply` inside a transaction on the service's own connection, as the runner calls it. */
export function applyEvent(models: Models, event: AnyCivicEvent): Promise<void> {
  const services = { models, clock: systemClock, logger: createLogger('residents', 'silent'), graph: disconnectedGraphClient };
  return inTransaction(models.PointsEntry.db, (session) => pointsConsumer.apply(event, services, session));
}
