import type { EventConsumer } from '@civic/events';
import type { SubgraphServices } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { NOTIFYING_EVENT_KINDS, noticesFor } from '../domain/notices.ts';
import { putInInboxes } from '../persistence/inbox.ts';

/** Every department's events that tell someone something, into their recipients' inboxes, once each. */
export const inboxConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: 'notifications-inbox',
  kinds: NOTIFYING_EVENT_KINDS,
  async apply(event, { models, clock }, session) {
    await putInInboxes(models, event, noticesFor(event), clock.now(), session);
  },
};
