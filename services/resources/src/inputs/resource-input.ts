import { notWholeNumberInRange, requireText, toGeoJsonPoint } from '@civic/service-kit';
import type { CreateResourceInput, ResourceContactInput, ResourcePlaceInput, UpdateResourceInput } from '../generated/resolvers-types.ts';
import type { ResourceDocument } from '../models/resource.ts';
import { isSlotKind } from '../domain/vocabulary.ts';
import { openingWindows } from '../domain/opening-hours.ts';
import { stockError } from '../domain/stock.ts';
import { MAX_PARKING_PLACES } from '../domain/parking-rules.ts';
import { foreignAvailabilityField, normaliseTags } from '../domain/resource-rules.ts';
import { normalisedPhone } from '../domain/contact.ts';
import { MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_TITLE_LENGTH } from '../domain/text-limits.ts';
import { orReject, rejectRuleError } from './rule-errors.ts';
import { contactPhoneNotAPhoneNumber, nothingToChange } from '../errors.ts';

/** A resource's content as the caller types it, validated alike when created and when edited. */

type ResourceContent = Pick<ResourceDocument, 'pool' | 'kind' | 'title' | 'description' | 'tags' | 'skills' | 'openingHours' | 'slotMinutes' | 'stock' | 'parkingPlaces' | 'contact' | 'place'>;

/** The validated content of a new resource; throws BAD_USER_INPUT naming the first bad field. */
export function resourceContent(input: CreateResourceInput): ResourceContent {
  const title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
  const description = requireText('description', input.description, { max: MAX_DESCRIPTION_LENGTH });
  const { tags } = orReject(normaliseTags('tags', input.tags));
  const { tags: skills } = orReject(normaliseTags('skills', input.skills));
  rejectRuleError(foreignAvailabilityField(input.kind, input));
  const slots = isSlotKind(input.kind) ? orReject(openingWindows(input.openingHours ?? [], input.slotMinutes ?? 0)) : { windows: [] };
  if (input.kind === 'GOODS') rejectRuleError(stockError(input.stock));
  if (input.kind === 'PARKING') {
    const places = input.parkingPlaces;
    if (places === null || places === undefined || !Number.isInteger(places) || places < 1 || places > MAX_PARKING_PLACES) {
      throw notWholeNumberInRange('parkingPlaces', 1, MAX_PARKING_PLACES);
    }
  }
  return {
    pool: input.pool,
    kind: input.kind,
    title,
    description,
    tags,
    skills,
    openingHours: slots.windows,
    slotMinutes: isSlotKind(input.kind) ? input.slotMinutes! : null,
    stock: input.kind === 'GOODS' ? input.stock! : null,
    parkingPlaces: input.kind === 'PARKING' ? input.parkingPlaces! : null,
    contact: contactOf(input.contact),
    place: placeOf(input.place),
  };
}

function contactOf(contact: ResourceContactInput | null | undefined): ResourceDocument['contact'] {
  if (!contact) return null;
  const name = requireText('contact.name', contact.name, { max: MAX_PERSON_NAME_LENGTH });
  const phone = normalisedPhone(contact.phone);
  if (!phone) throw contactPhoneNotAPhoneNumber();
  return { name, phone };
}

function placeOf(place: ResourcePlaceInput | null | undefined): ResourceDocument['place'] {
  if (!place) return null;
  return { address: requireText('place.address', place.address, { max: MAX_ADDRESS_LENGTH }), location: toGeoJsonPoint('place.location', place.location) };
}

export type ResourceChanges = Partial<Pick<ResourceDocument, 'title' | 'description' | 'tags' | 'skills' | 'openingHours' | 'contact' | 'place'>>;

/**
 * The validated changes to an existing resource: only the fields given (null leaves a field as it
 * is, except contact and place, which null removes). Opening hours keep the resource's slot length, so the
 * bookings already made still cover whole slots.
 */
export function resourceChanges(resource: ResourceDocument, input: UpdateResourceInput): ResourceChanges {
  const changes: ResourceChanges = {};
  if (input.title != null) changes.title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
  if (input.description != null) changes.description = requireText('description', input.description, { max: MAX_DESCRIPTION_LENGTH });
  if (input.tags != null) changes.tags = orReject(normaliseTags('tags', input.tags)).tags;
  if (input.skills != null) changes.skills = orReject(normaliseTags('skills', input.skills)).tags;
  if (input.openingHours != null) {
    rejectRuleError(foreignAvailabilityField(resource.kind, { openingHours: input.openingHours }));
    changes.openingHours = orReject(openingWindows(input.openingHours, resource.slotMinutes!)).windows;
  }
  if (input.contact !== undefined) changes.contact = contactOf(input.contact);
  if (input.place !== undefined) changes.place = placeOf(input.place);
  if (Object.keys(changes).length === 0) throw nothingToChange();
  return changes;
}
