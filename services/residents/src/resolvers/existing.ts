/** The documents a `loadMany` found, in order; ids that no longer exist are left out, errors rethrown. */
export function existing<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((item): item is T => {
    if (item instanceof Error) throw item;
    return item !== null;
  });
}
