import { describe, expect, it } from 'vitest';
import { readIsLogged, readsByResident } from '../src/personal-data-reads.ts';

const STAFF = { subject: 'staff-1', residentId: 'staff-1', roles: ['GRID_WORKER' as const], scope: ['c1'] };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 2, minute));

describe('access log rules', () => {
  it('logs a read for anyone but the resident themself', () => {
    expect(readIsLogged(STAFF, 'r1')).toBe(true);
    expect(readIsLogged({ subject: 'service:resources', residentId: null, roles: ['SERVICE'], scope: [] }, 'r1')).toBe(true);
    expect(readIsLogged({ subject: 'r1', residentId: 'r1', roles: ['RESIDENT'], scope: [] }, 'r1')).toBe(false);
    expect(readIsLogged({ ...STAFF, residentId: 'r1' }, 'r1')).toBe(false);
  });

  it('makes one entry per resident, with each field once in the vocabulary order, at the earliest read', () => {
    const reads = [
      { residentId: 'r2', organisationPath: 'p2', field: 'SPECIAL_CARE' as const, at: at(3) },
      { residentId: 'r1', organisationPath: 'p1', field: 'PHONE' as const, at: at(2) },
      { residentId: 'r2', organisationPath: 'p2', field: 'ID_NUMBER' as const, at: at(1) },
      { residentId: 'r2', organisationPath: 'p2', field: 'SPECIAL_CARE' as const, at: at(4) },
    ];
    expect(readsByResident(reads)).toEqual([
      { residentId: 'r2', organisationPath: 'p2', fields: ['ID_NUMBER', 'SPECIAL_CARE'], at: at(1) },
      { residentId: 'r1', organisationPath: 'p1', fields: ['PHONE'], at: at(2) },
    ]);
    expect(readsByResident([])).toEqual([]);
  });
});
