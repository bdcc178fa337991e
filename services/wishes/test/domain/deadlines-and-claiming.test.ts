import { describe, expect, it } from 'vitest';
import { closedOnTime, deadlineHours, deadlineNotice, deadlinesFrom, dueAt, escalationLevel, firstDeadlineNotice, isOverdue } from '../../src/domain/deadlines.ts';
import {
  autoConfirmAt,
  claimLevelAt,
  claimRefusal,
  communityWindowShorterThanGrid,
  DEFAULT_CLAIM_WINDOWS,
  mayClaim,
  organisationKindRefusal,
  residentStandingRefusal,
  windowsError,
} from '../../src/domain/claiming.ts';
import { CLAIMING_ORGANISATION_KINDS } from '../../src/domain/vocabulary.ts';
import { computeFigures, median } from '../../src/domain/wish-stats.ts';
import { groupByHandler } from '../../src/domain/handling-sheet.ts';

const T0 = new Date('2026-03-02T00:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

describe('deadlines', () => {
  it('take the category defaults unless an agreement gives its own', () => {
    expect(deadlineHours('MARKET_SERVICE', null)).toEqual({ acknowledgeHours: 12, resolveHours: 72 });
    expect(deadlineHours('MARKET_SERVICE', { acknowledgeHours: 2, resolveHours: 48 })).toEqual({ acknowledgeHours: 2, resolveHours: 48 });
    expect(deadlinesFrom(T0, { acknowledgeHours: 2, resolveHours: 48 })).toEqual({ acknowledgeDeadline: at(2), resolveDeadline: at(48) });
  });

  it('make the acknowledgement due while routed, the resolution while in service, nothing after', () => {
    const deadlines = { acknowledgeDeadline: at(2), resolveDeadline: at(48) };
    expect(['ROUTED', 'IN_SERVICE', 'RESOLVED'].map((status) => dueAt(status, deadlines))).toEqual([at(2), at(48), null]);
    expect([isOverdue(at(2), at(1)), isOverdue(at(2), at(2)), isOverdue(null, at(99))]).toEqual([false, true, false]);
  });

  it('escalate an overdue request over three levels with the clock moving, and no further', () => {
    const steps: (string | null)[] = [];
    let level: 'COMMUNITY' | 'STREET' | 'DISTRICT' | null = 'COMMUNITY';
    let due = deadlinesFrom(T0, deadlineHours('SELF_GOVERNANCE', null)).acknowledgeDeadline;
    for (let now = T0; level !== null; now = at((now.getTime() - T0.getTime()) / 3_600_000 + 25)) {
      if (!isOverdue(due, now)) continue;
      steps.push(level);
      level = escalationLevel(level);
      due = deadlinesFrom(now, deadlineHours('SELF_GOVERNANCE', null)).acknowledgeDeadline;
    }
    expect(steps).toEqual(['COMMUNITY', 'STREET', 'DISTRICT']);
  });

  it('count a request on time only when closed by its deadline without escalation', () => {
    expect([closedOnTime(at(10), at(48), 0), closedOnTime(at(50), at(48), 0), closedOnTime(at(10), at(48), 1), closedOnTime(at(10), null, 0)]).toEqual([
      true,
      false,
      false,
      null,
    ]);
  });
});

describe('deadline notices', () => {
  const due = new Date('2026-03-02T12:00:00.000Z');
  it('are first due four hours before the deadline, and never when nothing is due', () => {
    expect(firstDeadlineNotice(due)).toEqual(new Date('2026-03-02T08:00:00.000Z'));
    expect(firstDeadlineNotice(null)).toBe(null);
  });

  it('tell that the deadline is near before it, and then at it; that it passed from it on, and then never again', () => {
    expect(deadlineNotice(due, new Date('2026-03-02T09:00:00.000Z'))).toEqual({ notice: 'NEAR', next: due });
    expect(deadlineNotice(due, due)).toEqual({ notice: 'OVERDUE', next: null });
    expect(deadlineNotice(due, new Date('2026-03-05T00:00:00.000Z'))).toEqual({ notice: 'OVERDUE', next: null });
  });
});

describe('claim windows', () => {
  const target = { organisationPath: ['d1', 's1', 'c1'], gridClaimantIds: ['branch', 'keeper'] };

  it('open a wish to its grid, then the community after 24 hours, then the street after 72', () => {
    expect([0, 23.9, 24, 71.9, 72].map((hours) => claimLevelAt(T0, at(hours), DEFAULT_CLAIM_WINDOWS))).toEqual(['GRID', 'GRID', 'COMMUNITY', 'COMMUNITY', 'STREET']);
  });

  it('let the grid claim at once, the community and the street only at their level', () => {
    const gridPerson = { id: 'keeper', within: ['d1', 's1', 'c1'] };
    const neighbour = { id: 'n1', within: ['d1', 's1', 'c1'] };
    const streetTeam = { id: 't1', within: ['d1', 's1', 't1'] };
    const elsewhere = { id: 'x1', within: ['d1', 's2', 'c9'] };
    const levels = ['GRID', 'COMMUNITY', 'STREET'] as const;
    expect([gridPerson, neighbour, streetTeam, elsewhere].map((claimant) => levels.map((level) => mayClaim(target, claimant, level)))).toEqual([
      [true, true, true],
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
  });

  it('refuse the requester their own wish, whoever else could claim it, and a claimant outside the open level', () => {
    const claims = { ...target, requesterId: 'keeper' };
    expect(claimRefusal(claims, { id: 'keeper', within: ['d1', 's1', 'c1'] }, 'STREET')).toEqual({ reason: 'OWN_WISH' });
    expect(claimRefusal(claims, { id: 'n1', within: ['d1', 's1', 'c1'] }, 'GRID')).toEqual({ reason: 'OUTSIDE_WINDOW', level: 'GRID' });
    expect(claimRefusal(claims, { id: 'n1', within: ['d1', 's1', 'c1'] }, 'COMMUNITY')).toBeNull();
    expect(claimRefusal(claims, { id: 'branch', within: [] }, 'GRID')).toBeNull();
  });

  it('let residents claim with a volunteer profile or a party membership, and organisations of a claiming kind', () => {
    const standings = [
      { volunteerWithProfile: true, memberWithMembership: false },
      { volunteerWithProfile: false, memberWithMembership: true },
      { volunteerWithProfile: false, memberWithMembership: false },
    ];
    expect(standings.map(residentStandingRefusal)).toEqual([null, null, { reason: 'WITHOUT_STANDING' }]);
    expect(organisationKindRefusal(CLAIMING_ORGANISATION_KINDS[0]!)).toBeNull();
    expect(organisationKindRefusal('OWNERS_COMMITTEE')).toEqual({ reason: 'ORGANISATION_KIND', kind: 'OWNERS_COMMITTEE' });
  });

  it('refuse settings where the street opens before the community, and confirm silence after the days set', () => {
    expect(windowsError({ gridWindowHours: 48, communityWindowHours: 24, autoConfirmDays: 7 })).toEqual(communityWindowShorterThanGrid());
    expect(autoConfirmAt(T0, DEFAULT_CLAIM_WINDOWS)).toEqual(at(7 * 24));
  });
});

describe('statistics and the handling sheet', () => {
  it('compute medians, on-time rate and mean rating in code', () => {
    expect([median([]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([null, 2, 2.5]);
    const sample = { kind: 'WISH', createdAt: T0, publishedAt: at(1), takenAt: at(3), completedAt: at(10), closedOnTime: null, rating: 5 };
    const request = { kind: 'HELP', createdAt: T0, publishedAt: at(1), takenAt: at(1), completedAt: at(30), closedOnTime: true, rating: 4 };
    const late = { ...request, completedAt: at(60), closedOnTime: false, rating: null };
    expect(computeFigures([sample, request, late])).toEqual({ medianHoursToClaim: 2, medianHoursToResolve: 30, onTimeRate: 0.5, meanRating: 4.5 });
  });

  it('groups unresolved requests by handler with their age at the end of the week', () => {
    const rows = [
      { handlerId: 'p1', createdAt: at(0), resolveDeadline: at(48) },
      { handlerId: 's1', createdAt: at(24), resolveDeadline: at(400) },
      { handlerId: 'p1', createdAt: at(100), resolveDeadline: at(400) },
    ];
    const sheet = groupByHandler(rows, T0, at(1000));
    expect(sheet.map((group) => [group.handlerId, group.rows.map((row) => [row.ageHours, row.overdue])])).toEqual([
      ['p1', [[168, true], [68, false]]],
      ['s1', [[144, false]]],
    ]);
  });
});
