/**
 * How a claim that loses a race is refused, as [code, message]: one that read the wish before the
 * winner wrote loses the conditional write (CONFLICT); one that read it after finds it CLAIMED.
 */
export const CLAIM_REFUSALS = [
  ['CONFLICT', 'The wish was changed by someone else at the same time; read it again'],
  ['INVALID_TRANSITION', 'Wish in state CLAIMED cannot claim'],
];
