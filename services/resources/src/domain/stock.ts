import type { RuleError } from './opening-hours.ts';

/** Goods: a stock that bookings take from and cancellations give back; never below zero. */

export const MAX_STOCK = 100_000;
// One booking takes what one household or event needs, not the warehouse.
export const MAX_UNITS_PER_BOOKING = 100;

export function stockError(stock: number | null | undefined): RuleError | null {
  if (stock === null || stock === undefined) return { field: 'stock', message: 'is required for goods' };
  if (!Number.isInteger(stock) || stock < 0 || stock > MAX_STOCK) return { field: 'stock', message: `must be a whole number from 0 to ${MAX_STOCK}` };
  return null;
}

export function quantityError(quantity: number | null | undefined): RuleError | null {
  if (quantity === null || quantity === undefined) return { field: 'quantity', message: 'is required for goods' };
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_UNITS_PER_BOOKING) {
    return { field: 'quantity', message: `must be a whole number from 1 to ${MAX_UNITS_PER_BOOKING}` };
  }
  return null;
}

/** The stock left after taking `quantity`, or null when there is not enough (the write's condition, too). */
export function stockAfterTaking(stock: number, quantity: number): number | null {
  return stock >= quantity ? stock - quantity : null;
}

/** Units a delivery adds: at least one, never taking the stock above MAX_STOCK. */
export function restockError(stock: number, quantity: number): RuleError | null {
  if (!Number.isInteger(quantity) || quantity < 1) return { field: 'quantity', message: 'must be a whole number of at least 1' };
  if (stock + quantity > MAX_STOCK) return { field: 'quantity', message: `would raise the stock above ${MAX_STOCK}` };
  return null;
}
