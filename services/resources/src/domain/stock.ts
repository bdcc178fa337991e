import type { InputViolation } from '@civic/service-kit';

/** Goods: a stock that bookings take from and cancellations give back; never below zero. */

export const MAX_STOCK = 100_000;
// One booking takes what one household or event needs, not the warehouse.
export const MAX_UNITS_PER_BOOKING = 100;

/** Goods created without a stock. */
export function stockMissing(): InputViolation {
  return { field: 'stock', message: 'is required for goods' };
}

export function stockOutOfRange(): InputViolation {
  return { field: 'stock', message: `must be a whole number from 0 to ${MAX_STOCK}` };
}

/** A booking of goods without a quantity. */
export function quantityMissing(): InputViolation {
  return { field: 'quantity', message: 'is required for goods' };
}

export function quantityOutOfRange(): InputViolation {
  return { field: 'quantity', message: `must be a whole number from 1 to ${MAX_UNITS_PER_BOOKING}` };
}

/** A restock of less than one unit. */
export function deliveryBelowOne(): InputViolation {
  return { field: 'quantity', message: 'must be a whole number of at least 1' };
}

/** A restock that would take the stock above MAX_STOCK. */
export function stockOverflow(): InputViolation {
  return { field: 'quantity', message: `would raise the stock above ${MAX_STOCK}` };
}

export function stockError(stock: number | null | undefined): InputViolation | null {
  if (stock === null || stock === undefined) return stockMissing();
  if (!Number.isInteger(stock) || stock < 0 || stock > MAX_STOCK) return stockOutOfRange();
  return null;
}

export function quantityError(quantity: number | null | undefined): InputViolation | null {
  if (quantity === null || quantity === undefined) return quantityMissing();
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_UNITS_PER_BOOKING) {
    return quantityOutOfRange();
  }
  return null;
}

/** The stock left after taking `quantity`, or null when there is not enough (the write's condition, too). */
export function stockAfterTaking(stock: number, quantity: number): number | null {
  return stock >= quantity ? stock - quantity : null;
}

/** Units a delivery adds: at least one, never taking the stock above MAX_STOCK. */
export function restockError(stock: number, quantity: number): InputViolation | null {
  if (!Number.isInteger(quantity) || quantity < 1) return deliveryBelowOne();
  if (stock + quantity > MAX_STOCK) return stockOverflow();
  return null;
}
