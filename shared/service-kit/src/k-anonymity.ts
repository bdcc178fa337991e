/**
 * Aggregates for analysts, k-anonymous and safe against differencing (README "Aggregates for
 * analysts"). Facts are first counted into cells of a grain fixed by the aggregate, never by the
 * query: the finest organisational unit a fact belongs to, the China month where time matters, and
 * every attribute the aggregate can group by. A cell of fewer than MINIMUM_GROUP_SIZE distinct
 * persons is withheld, and every figure answered is a sum of published cells, whichever attribute
 * it groups by. A query selects whole cells only (a subtree, whole months), so the difference of
 * two nested answers, or of two groupings of one scope, is itself a sum of published cells: 0, or
 * 5 persons or more, never a withheld cell.
 */

export const MINIMUM_GROUP_SIZE = 5;

/** The facts of one unit, one month (null where time does not matter) and one value of each attribute. */
export interface AggregateCell {
  unit: string;
  month: string | null;
  attributes: Readonly<Record<string, string>>;
  /** Distinct persons the cell's facts describe. */
  persons: number;
  /** The cell's sums (sign-ups, hours, amounts...), by name. */
  measures: Readonly<Record<string, number>>;
}

/**
 * One fact, for cells counted in code rather than in the database: about one person, or about no
 * person (`null`: a meeting's decisions), which adds to its cell's measures but not to its persons.
 */
export interface PersonFact {
  unit: string;
  month: string | null;
  attributes: Readonly<Record<string, string>>;
  person: string | null;
  measures: Readonly<Record<string, number>>;
}

export interface AggregateFigure {
  persons: number;
  measures: Record<string, number>;
}

export interface AggregateGroupFigure extends AggregateFigure {
  key: string;
}

export interface AggregateAnswer {
  groups: AggregateGroupFigure[];
  /** The sum of every published cell: the groups' sum. */
  total: AggregateFigure;
  minimumGroupSize: number;
  /** How many cells were withheld, never how many persons they held. */
  withheldCells: number;
}

/** How an answer groups its cells: the group a cell falls in, every measure's name, the groups' order. */
export interface Grouping {
  groupOf: (cell: AggregateCell) => string;
  measures: readonly string[];
  /** Groups it does not name follow by key. */
  order?: readonly string[];
}

export function isPublished(cell: Pick<AggregateCell, 'persons'>): boolean {
  return cell.persons >= MINIMUM_GROUP_SIZE;
}

/** Which cell a fact falls in, as one string: for figures that are not sums (medians), taken from published cells' facts. */
export function cellKeyOf(place: Pick<AggregateCell, 'unit' | 'month' | 'attributes'>): string {
  return JSON.stringify([place.unit, place.month, Object.entries(place.attributes).sort()]);
}

/** Facts counted into cells: distinct persons per cell, measures summed. */
export function cellsOf(facts: readonly PersonFact[]): AggregateCell[] {
  const cells = new Map<string, { cell: Omit<AggregateCell, 'persons'> & { measures: Record<string, number> }; persons: Set<string> }>();
  for (const fact of facts) {
    const key = cellKeyOf(fact);
    let entry = cells.get(key);
    if (!entry) {
      entry = { cell: { unit: fact.unit, month: fact.month, attributes: fact.attributes, measures: {} }, persons: new Set() };
      cells.set(key, entry);
    }
    if (fact.person !== null) entry.persons.add(fact.person);
    for (const [name, value] of Object.entries(fact.measures)) entry.cell.measures[name] = (entry.cell.measures[name] ?? 0) + value;
  }
  return [...cells.values()].map(({ cell, persons }) => ({ ...cell, persons: persons.size }));
}

/**
 * The answer from the cells in scope: each group is the sum of its published cells; a measure a
 * cell lacks counts 0, and a group with no published cell is not shown.
 */
export function answerFromCells(cells: readonly AggregateCell[], { groupOf, measures: measureNames, order = [] }: Grouping): AggregateAnswer {
  const groups = new Map<string, AggregateGroupFigure>();
  const total = emptyFigure(measureNames);
  let withheldCells = 0;
  for (const cell of cells) {
    if (cell.persons === 0) continue;
    if (!isPublished(cell)) {
      withheldCells += 1;
      continue;
    }
    const key = groupOf(cell);
    let group = groups.get(key);
    if (!group) {
      group = { key, ...emptyFigure(measureNames) };
      groups.set(key, group);
    }
    addCell(group, cell, measureNames);
    addCell(total, cell, measureNames);
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const sorted = [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { groups: sorted, total, minimumGroupSize: MINIMUM_GROUP_SIZE, withheldCells };
}

function emptyFigure(measureNames: readonly string[]): AggregateFigure {
  return { persons: 0, measures: Object.fromEntries(measureNames.map((name) => [name, 0])) };
}

function addCell(figure: AggregateFigure, cell: AggregateCell, measureNames: readonly string[]): void {
  figure.persons += cell.persons;
  for (const name of measureNames) figure.measures[name] = roundSum(figure.measures[name]! + (cell.measures[name] ?? 0));
}

/** Sums of hours in halves and amounts in fen stay exact; this drops binary noise beyond 6 decimals. */
function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface AggregateMeasureValue {
  name: string;
  value: number;
}

/** The answer in the GraphQL shape every subgraph shares (`Aggregate`): measures as a list, in `measureNames` order. */
export function asGraphAggregate(answer: AggregateAnswer) {
  const measures = (figure: AggregateFigure): AggregateMeasureValue[] => Object.entries(figure.measures).map(([name, value]) => ({ name, value }));
  return {
    groups: answer.groups.map((group) => ({ key: group.key, persons: group.persons, measures: measures(group) })),
    total: { persons: answer.total.persons, measures: measures(answer.total) },
    minimumGroupSize: answer.minimumGroupSize,
    withheldCells: answer.withheldCells,
  };
}
