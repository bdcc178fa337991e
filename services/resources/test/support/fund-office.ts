import { ManualClock } from '@civic/service-kit';
import { staff, FakeGraph, aTree } from '@civic/test-harness';

/**
 * A community office that manages a hardship fund, on a clock of its own: two people, since one
 * proposes a disbursement and another must approve it.
 */
export function aFundOffice() {
  const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
  const graph = new FakeGraph();
  const tree = aTree(graph);
  return {
    clock,
    graph,
    tree,
    proposer: staff('COMMUNITY_WORKER', [tree.community], 'staff:li-hong'),
    approver: staff('COMMUNITY_WORKER', [tree.community], 'staff:wang-min'),
  };
}
