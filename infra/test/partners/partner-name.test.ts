import { describe, expect, it } from 'vitest';
import { partnerName, PartnerNameError } from '../../src/partners/partner-name.ts';

const TAKEN = ['residents', 'organisations'];

describe('a partner subgraph name', () => {
  it('is spelled as composed, and as a type and a field prefix', () => {
    expect(partnerName('parking-co', TAKEN)).toEqual({ name: 'parking-co', pascal: 'ParkingCo', camel: 'parkingCo' });
    expect(partnerName('hospital2', TAKEN)).toEqual({ name: 'hospital2', pascal: 'Hospital2', camel: 'hospital2' });
    expect(partnerName('a', TAKEN)).toEqual({ name: 'a', pascal: 'A', camel: 'a' });
  });

  it.each(['Parking', 'parking_co', '2parking', '-parking', 'parking-', 'parking--co', 'parking co', '', 'p'.repeat(41), '停车'])('refuses "%s", saying what a name is', (candidate) => {
    expect(() => partnerName(candidate, TAKEN)).toThrow(
      new PartnerNameError(
        `A subgraph name is 1 to 40 lower-case letters and digits, starting with a letter, in words joined by single hyphens (such as parking-co), not "${candidate}"`,
      ),
    );
  });

  it('refuses a name the graph already has', () => {
    expect(() => partnerName('residents', TAKEN)).toThrow(new PartnerNameError('The graph already has a subgraph named "residents" (residents, organisations)'));
  });
});
