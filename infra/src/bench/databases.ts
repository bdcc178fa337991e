import mongoose from 'mongoose';

/** Drops the bench's own databases, so a run on a shared server leaves nothing behind. */
export async function dropDatabases(uri: string, names: readonly string[]): Promise<void> {
  // A server still working through the scans of a failed run can take a while to answer.
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 60_000 }).asPromise();
  try {
    for (const name of names) await connection.useDb(name, { useCache: false }).dropDatabase();
  } finally {
    await connection.close();
  }
}
