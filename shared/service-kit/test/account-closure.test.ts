import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { newEvent, UnapplicableEvent, type AnyCivicEvent } from '@civic/events';
import { closedResidentOf, subjectNamesResident } from '../src/account-closure.ts';

const residentId = new Types.ObjectId('6b0d3c64f500b4b8838b21fa');
const at = new Date('2026-07-01T02:00:00.000Z');

describe('what the closure consumers share', () => {
  it('knows a resident in a subject written as the id or as <kind>:<id>, and no one else', () => {
    const id = residentId.toHexString();
    expect([id, `resident:${id}`, 'staff:li-hong', `${id}x`, `x${id}`].map((subject) => subjectNamesResident(subject, residentId))).toEqual([true, true, false, false, false]);
  });

  it('reads the closed resident of resident.closed, and parks any other event or a malformed id', () => {
    expect(closedResidentOf(newEvent('resident.closed', { residentId: residentId.toHexString() }, at) as AnyCivicEvent)).toEqual(residentId);
    expect(() => closedResidentOf(newEvent('resident.closed', { residentId: 'r-1' }, at) as AnyCivicEvent)).toThrow(new UnapplicableEvent('r-1 is not a resident id'));
    const other = newEvent('activity.signedUp', { activityId: 'a', residentId: residentId.toHexString(), organisationId: 'o' }, at) as AnyCivicEvent;
    expect(() => closedResidentOf(other)).toThrow(new UnapplicableEvent('activity.signedUp closes no account'));
  });
});
