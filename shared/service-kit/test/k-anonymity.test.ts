import { describe, expect, it } from 'vitest';
import { answerFromCells, asGraphAggregate, cellsOf, MINIMUM_GROUP_SIZE, type AggregateCell, type PersonFact } from '../src/k-anonymity.ts';

const fact = (unit: string, month: string | null, band: string, person: string, measures: Record<string, number> = {}): PersonFact => ({
  unit,
  month,
  attributes: { band },
  person,
  measures,
});
const byBand = (cell: AggregateCell) => cell.attributes.band!;
const cell = (unit: string, band: string, persons: number, measures: Record<string, number> = {}): AggregateCell => ({ unit, month: null, attributes: { band }, persons, measures });
const persons = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('cells', () => {
  it('count distinct persons per unit, month and attributes, and sum the measures, of facts about no person too', () => {
    const facts = [
      fact('g1', '2025-05', 'A', 'p1', { hours: 1.5 }),
      fact('g1', '2025-05', 'A', 'p1', { hours: 2 }),
      fact('g1', '2025-05', 'A', 'p2', { hours: 0.5 }),
      fact('g1', '2025-06', 'A', 'p1', { hours: 1 }),
      fact('g2', '2025-05', 'B', 'p3', {}),
      { unit: 'g2', month: '2025-05', attributes: { band: 'B' }, person: null, measures: { meetings: 1 } },
    ];
    expect(cellsOf(facts)).toEqual([
      { unit: 'g1', month: '2025-05', attributes: { band: 'A' }, persons: 2, measures: { hours: 4 } },
      { unit: 'g1', month: '2025-06', attributes: { band: 'A' }, persons: 1, measures: { hours: 1 } },
      { unit: 'g2', month: '2025-05', attributes: { band: 'B' }, persons: 1, measures: { meetings: 1 } },
    ]);
  });
});

describe('answerFromCells', () => {
  const cells: AggregateCell[] = [
    cell('g1', '18-34', 7, { signUps: 9 }),
    cell('g2', '18-34', 5, { signUps: 5 }),
    cell('g1', '80+', 4, { signUps: 30 }),
    cell('g2', '80+', 5),
    cell('g3', '0-17', 1, { signUps: 1 }),
    cell('g3', '60-79', 0),
  ];

  it('sums published cells only, in the given order, and states what it withheld', () => {
    expect(answerFromCells(cells, { groupOf: byBand, measures: ['signUps'], order: ['0-17', '18-34', '35-59', '60-79', '80+'] })).toEqual({
      groups: [
        { key: '18-34', persons: 12, measures: { signUps: 14 } },
        { key: '80+', persons: 5, measures: { signUps: 0 } },
      ],
      total: { persons: 17, measures: { signUps: 14 } },
      minimumGroupSize: 5,
      withheldCells: 2,
    });
  });

  it('groups the same published cells by any attribute or by unit', () => {
    expect(answerFromCells(cells, { groupOf: (each) => each.unit, measures: ['signUps'] }).groups).toEqual([
      { key: 'g1', persons: 7, measures: { signUps: 9 } },
      { key: 'g2', persons: 10, measures: { signUps: 5 } },
    ]);
  });

  it('orders groups the order does not name by key, after the named ones', () => {
    const unordered = [cell('u', 'b', 5), cell('u', 'a', 6), cell('u', 'c', 5)];
    expect(answerFromCells(unordered, { groupOf: byBand, measures: [], order: ['c'] }).groups.map((group) => group.key)).toEqual(['c', 'a', 'b']);
  });

  it('answers nothing and withholds nothing without cells', () => {
    expect(answerFromCells([], { groupOf: byBand, measures: ['hours'] })).toEqual({ groups: [], total: { persons: 0, measures: { hours: 0 } }, minimumGroupSize: 5, withheldCells: 0 });
  });

  it('gives the shared GraphQL shape', () => {
    expect(asGraphAggregate(answerFromCells(cells.slice(0, 2), { groupOf: byBand, measures: ['signUps', 'hours'] }))).toEqual({
      groups: [{ key: '18-34', persons: 12, measures: [{ name: 'signUps', value: 14 }, { name: 'hours', value: 0 }] }],
      total: { persons: 12, measures: [{ name: 'signUps', value: 14 }, { name: 'hours', value: 0 }] },
      minimumGroupSize: 5,
      withheldCells: 0,
    });
  });
});

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (below: number) => Math.floor(next() * below), next };
}

describe('differencing two nested queries', () => {
  // A tree of units (a street, its communities, their grids) and months; a scope is a subtree
  // and a whole-month range, so a query selects whole cells.
  const units = ['s', 's/c1', 's/c1/g1', 's/c1/g2', 's/c1/g3', 's/c2', 's/c2/g4', 's/c2/g5'];
  const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
  const groups = ['A', 'B', 'C'];

  it('never reveals a withheld cell: every difference of persons is 0 or at least 5, in every group of every grouping', () => {
    for (let round = 0; round < 200; round += 1) {
      const random = randomFrom(round + 1);
      // Random facts: most cells small, so many are withheld.
      const facts: PersonFact[] = [];
      for (const unit of units)
        for (const month of months)
          for (const group of groups) {
            const size = random.int(random.next() < 0.5 ? 5 : 12);
            for (const person of persons(size, `${unit}:${month}:${group}:`))
              facts.push({ unit, month, attributes: { band: group, kind: `${group}${random.int(2)}` }, person, measures: { hours: random.int(8) / 2 } });
          }
      const cells = cellsOf(facts);
      const groupings = [byBand, (each: AggregateCell) => each.attributes.kind!, (each: AggregateCell) => each.month!, (each: AggregateCell) => each.unit];
      const query = (root: string, first: number, last: number, groupOf = byBand) =>
        answerFromCells(
          cells.filter((each) => (each.unit === root || each.unit.startsWith(`${root}/`)) && months.indexOf(each.month!) >= first && months.indexOf(each.month!) <= last),
          { groupOf, measures: ['hours'] },
        );
      for (let pair = 0; pair < 50; pair += 1) {
        const outer = units[random.int(units.length)]!;
        const subtree = units.filter((unit) => unit === outer || unit.startsWith(`${outer}/`));
        const inner = subtree[random.int(subtree.length)]!;
        const outerFirst = random.int(months.length);
        const outerLast = outerFirst + random.int(months.length - outerFirst);
        const innerFirst = outerFirst + random.int(outerLast - outerFirst + 1);
        const innerLast = innerFirst + random.int(outerLast - innerFirst + 1);
        // The outer scope grouped one way, the inner scope grouped any way: totals and each group.
        const big = query(outer, outerFirst, outerLast, groupings[random.int(groupings.length)]);
        const groupOf = groupings[random.int(groupings.length)]!;
        const small = query(inner, innerFirst, innerLast, groupOf);
        const sameGrouping = query(outer, outerFirst, outerLast, groupOf);
        const difference = big.total.persons - small.total.persons;
        expect(difference === 0 || difference >= MINIMUM_GROUP_SIZE, `round ${round}: ${outer} ${months[outerFirst]}..${months[outerLast]} minus ${inner} ${months[innerFirst]}..${months[innerLast]}`).toBe(true);
        for (const figure of sameGrouping.groups) {
          const groupDifference = figure.persons - (small.groups.find((each) => each.key === figure.key)?.persons ?? 0);
          expect(groupDifference === 0 || groupDifference >= MINIMUM_GROUP_SIZE, `round ${round}, group ${figure.key}`).toBe(true);
        }
      }
    }
  });

  it('differs from raw counting, which would reveal the withheld cell', () => {
    // 7 persons in grid g1, 2 in grid g2 of the same community: the community less g1 is g2's 2.
    const facts = [...persons(7, 'a').map((person) => fact('c/g1', null, 'A', person)), ...persons(2, 'b').map((person) => fact('c/g2', null, 'A', person))];
    const cells = cellsOf(facts);
    const community = answerFromCells(cells, { groupOf: byBand, measures: [] });
    const grid = answerFromCells(cells.filter((each) => each.unit === 'c/g1'), { groupOf: byBand, measures: [] });
    expect([community.total.persons, grid.total.persons, community.withheldCells, grid.withheldCells]).toEqual([7, 7, 1, 0]);
  });
});
