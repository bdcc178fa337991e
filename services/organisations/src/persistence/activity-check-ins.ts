import { inTransaction, recordRequestEvents } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import type { ActivityDocument } from '../models/activity.ts';
import type { ActivityCheckInDocument } from '../models/activity-check-in.ts';

/** Records a check-in with its activity.checkedIn event, in one transaction; the unique (activity, resident) index refuses a second. */
export async function checkIn(models: Models, activity: Pick<ActivityDocument, 'hostId'>, checkIn: ActivityCheckInDocument): Promise<void> {
  await inTransaction(models.ActivityCheckIn.db, async (session) => {
    await models.ActivityCheckIn.create([checkIn], { session });
    const facts = { activityId: checkIn.activityId.toHexString(), residentId: checkIn.residentId.toHexString(), organisationId: activity.hostId.toHexString(), hours: checkIn.hours };
    await recordRequestEvents(models.Outbox, session, [{ kind: 'activity.checkedIn', facts }], checkIn.checkedInAt);
  });
}
