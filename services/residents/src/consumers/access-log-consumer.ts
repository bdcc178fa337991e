import { PERSONAL_DATA_FIELDS, UnapplicableEvent, type EventConsumer } from '@civic/events';
import { isHexId, type SubgraphServices } from '@civic/service-kit';
import { Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/**
 * The access log hears of the reads other departments answered (resources: disbursements
 * received): each `personalData.read` event becomes one entry, dated when the read happened and
 * kept under the resident's organisation path as it is now. Once per event: the unique event id
 * on the log holds even if the runner's own record of applied events were lost.
 */
export const accessLogConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: 'residents-access-log',
  kinds: ['personalData.read'],
  async apply(event, { models }, session) {
    if (event.kind !== 'personalData.read') throw new UnapplicableEvent(`${event.kind} is no read of personal data`);
    const { residentId, fields, readerSubject, readerRoles, readerScope, purpose } = event.facts;
    const at = new Date(event.occurredAt);
    if (Number.isNaN(at.getTime())) throw new UnapplicableEvent(`occurredAt ${event.occurredAt} is not a time`);
    if (!isHexId(residentId)) throw new UnapplicableEvent(`${residentId} is not a resident id`);
    const unknownField = fields.find((field) => !(PERSONAL_DATA_FIELDS as readonly string[]).includes(field));
    if (unknownField !== undefined || fields.length === 0) throw new UnapplicableEvent(`fields ${fields.join(', ')} are not the log’s`);
    const resident = await models.Resident.findById(residentId, { organisationPath: 1 }, { session }).lean();
    if (!resident) throw new UnapplicableEvent(`resident ${residentId} is unknown`);
    if (await models.PersonalDataRead.exists({ eventId: event.id }).session(session)) return;
    await models.PersonalDataRead.create(
      [
        {
          residentId: new Types.ObjectId(residentId),
          residentOrganisationPath: resident.organisationPath,
          fields,
          readerSubject,
          readerRoles,
          readerScope,
          department: event.source,
          requestId: event.requestId,
          purpose,
          at,
          eventId: event.id,
        },
      ],
      { session },
    );
  },
};
