import type { ClientSession, Types } from 'mongoose';
import { returnUpdated } from '@civic/service-kit';
import type { Models } from '../models/index.ts';
import { RESOURCE_FIELDS, type ResourceDocument } from '../models/resource.ts';

/** Takes units in one conditional update, within the caller's transaction: two bookings arriving together never take the last unit twice. */
export async function takeStock(models: Models, resourceId: Types.ObjectId, quantity: number, session: ClientSession): Promise<boolean> {
  const { modifiedCount } = await models.Resource.updateOne({ _id: resourceId, stock: { $gte: quantity } }, { $inc: { stock: -quantity } }, { session });
  return modifiedCount === 1;
}

export async function returnStock(models: Models, resourceId: Types.ObjectId, quantity: number, session: ClientSession): Promise<void> {
  await models.Resource.updateOne({ _id: resourceId }, { $inc: { stock: quantity } }, { session });
}

/** Adds a delivery in one conditional update, unless the resource was retired or the stock would exceed its cap meanwhile. */
export async function addStock(models: Models, resourceId: Types.ObjectId, quantity: number, maxStock: number): Promise<ResourceDocument | null> {
  return models.Resource.findOneAndUpdate(
    { _id: resourceId, kind: 'GOODS', status: { $ne: 'RETIRED' }, stock: { $lte: maxStock - quantity } },
    { $inc: { stock: quantity } },
    returnUpdated(RESOURCE_FIELDS),
  ).lean<ResourceDocument>();
}
