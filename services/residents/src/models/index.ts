import type { Connection } from 'mongoose';
import { residentModel } from './resident.ts';

export function createModels(connection: Connection) {
  return { Resident: residentModel(connection) };
}

export type Models = ReturnType<typeof createModels>;
