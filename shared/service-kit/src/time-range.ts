/**
 * The filter on a time field for "at or after `from`, before `to`" (either end optional): wishes'
 * `createdAt`, the access log's `at`.
 *
 * The lower end is written `$gt` one millisecond before `from` instead of `$gte: from`. On
 * MongoDB the two select the same documents (BSON dates count whole milliseconds). SecantusDB
 * 0.7.0b3, the development server, does not: when a query pins the leading fields of a compound
 * index by equality, puts a range on the next field and the index has more fields after it
 * (wishes' `{ organisationPath, createdAt: -1, _id: -1 }`, the access log's `{ residentId, at: -1,
 * _id: -1 }`), its index scan treats the inclusive bound that ends the scan
 * (`$gte` on a descending field, `$lte` on an ascending one) as exclusive, comparing the bound with
 * whole index keys, trailing fields included; so every document exactly at `from` was missing.
 * Exclusive bounds are scanned correctly. This is the one place that works around it.
 */
export function timeBetween(from: Date | null | undefined, to: Date | null | undefined): { $gt?: Date; $lt?: Date } {
  return { ...(from ? { $gt: new Date(from.getTime() - 1) } : {}), ...(to ? { $lt: to } : {}) };
}
