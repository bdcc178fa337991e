import { randomBytes } from 'node:crypto';
import type { EventsSettings } from '@civic/events';

/** A stream and subject prefix no other stack uses, on the run's broker, so test files running side by side never hear each other's events. */
export function uniqueEventsSettings(natsUrl: string): EventsSettings {
  const suffix = randomBytes(4).toString('hex');
  return { natsUrl, streamName: `TEST_${suffix}`, subjectPrefix: `test_${suffix}`, streamReplicas: 1 };
}
