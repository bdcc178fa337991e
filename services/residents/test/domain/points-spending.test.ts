import { expect, it } from 'vitest';
import { notWholeNumberInRange, textTooLong } from '@civic/service-kit';
import { refundDecision, requireSpendingRequest, spendDecision, type RecordedSpending } from '../../src/domain/points-spending.ts';
import { spendingReferenceReused, spendingVoided } from '../../src/errors.ts';

const request = { reference: 'saga-1', residentId: 'resident-1', points: 40, reason: '共享车位排队前移2位' };
const recorded = (status: RecordedSpending['status']): RecordedSpending => ({ residentId: 'resident-1', points: 40, status });

it('deducts once per reference: a repeat answers the recorded spending, a voided reference is refused', () => {
  expect(spendDecision(null, request)).toBe('DEDUCT');
  expect(spendDecision(recorded('SPENT'), request)).toBe('ANSWER_RECORDED');
  expect(spendDecision(recorded('REFUNDED'), request)).toBe('ANSWER_RECORDED');
  expect(() => spendDecision(recorded('VOIDED'), request)).toThrow(spendingVoided());
});

it('refunds once per reference, and voids a reference that was never spent', () => {
  expect(refundDecision(null, request)).toBe('VOID');
  expect(refundDecision(recorded('SPENT'), request)).toBe('REFUND');
  expect(refundDecision(recorded('REFUNDED'), request)).toBe('ANSWER_RECORDED');
  expect(refundDecision(recorded('VOIDED'), request)).toBe('ANSWER_RECORDED');
});

it('refuses a reference reused for another resident or amount', () => {
  expect(() => spendDecision({ ...recorded('SPENT'), points: 20 }, request)).toThrow(spendingReferenceReused());
  expect(() => refundDecision({ ...recorded('SPENT'), residentId: 'resident-2' }, request)).toThrow(spendingReferenceReused());
});

it('checks the reference, the points and the reason', () => {
  expect(requireSpendingRequest({ ...request, reference: ' saga-1 ' })).toEqual(request);
  expect(() => requireSpendingRequest({ ...request, reference: 'x'.repeat(65) })).toThrow(textTooLong('reference', 64));
  expect(() => requireSpendingRequest({ ...request, points: 0 })).toThrow(notWholeNumberInRange('points', 1, 10_000));
});
