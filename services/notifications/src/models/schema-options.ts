/** Options every collection of this service shares: a fixed collection name, no version key. */
export function collectionOptions(collection: string) {
  return { collection, versionKey: false as const };
}
