import type { Connection } from 'mongoose';
import { organisationModel } from './organisation.ts';

export function createModels(connection: Connection) {
  return { Organisation: organisationModel(connection) };
}

export type Models = ReturnType<typeof createModels>;
