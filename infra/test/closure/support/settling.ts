import type { AnySubgraph, Stack } from '@civic/test-harness';
import { waitUntilApplied, waitUntilPublished } from '@civic/test-harness';

/** Resolves once every event every department wrote is published and applied by every consumer of its kind. */
export async function settled(stack: Stack, subgraphs: readonly AnySubgraph[]): Promise<void> {
  const events: { _id: string; kind: string }[] = [];
  for (const { name } of subgraphs) {
    const { outbox } = stack.subgraph(name).eventCollections;
    await waitUntilPublished(stack.subgraph(name));
    events.push(...(await outbox.find({}, { event: 1 }).lean()).map((entry) => ({ _id: entry._id, kind: entry.event.kind })));
  }
  for (const definition of subgraphs) {
    for (const consumer of definition.consumers ?? []) {
      const ids = events.filter((event) => (consumer.kinds as readonly string[]).includes(event.kind)).map((event) => event._id);
      await waitUntilApplied(stack.subgraph(definition.name), consumer.name, ids);
    }
  }
}

/** The events runtime's collections: they hold ids only, and expire (the outbox 7 days after publishing). */
const EVENT_RUNTIME_COLLECTIONS = ['outbox', 'appliedEvents', 'parkedEvents'];

/**
 * Where in a department's database any of `needles` (an id, a name, a phone number...) still
 * appears, as `collection: needle`, reading every stored document whole; `kept` names the
 * collections that keep the closed record by design.
 */
export async function tracesIn(stack: Stack, department: string, needles: readonly string[], kept: readonly string[] = []): Promise<string[]> {
  const database = stack.subgraph(department).eventCollections.outbox.db;
  const collections = (await database.listCollections()).map((collection) => collection.name).sort();
  const found: string[] = [];
  for (const name of collections) {
    if (EVENT_RUNTIME_COLLECTIONS.includes(name) || kept.includes(name)) continue;
    const stored = JSON.stringify(await database.collection(name).find({}).toArray());
    for (const needle of needles) if (stored.includes(needle)) found.push(`${name}: ${needle}`);
  }
  return found;
}
