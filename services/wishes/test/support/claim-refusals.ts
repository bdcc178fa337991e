import { summaryOf } from '@civic/test-harness';
import { wishChangedMeanwhile, wishStepNotAllowed } from '../../src/errors.ts';

/**
 * How a claim that loses a race is refused: one that read the wish before the winner wrote loses
 * the conditional write (CONFLICT); one that read it after finds it CLAIMED.
 */
export const CLAIM_REFUSALS = [summaryOf(wishChangedMeanwhile()), summaryOf(wishStepNotAllowed('CLAIMED', 'CLAIM'))];
