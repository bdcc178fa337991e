import { describe, expect, it } from 'vitest';
import { statedPurpose } from '../src/index.ts';

describe('stated purpose', () => {
  it('is the header trimmed, and nothing when absent or blank', () => {
    expect(statedPurpose('  核实特殊人群补贴  ')).toEqual({ purpose: '核实特殊人群补贴' });
    expect(statedPurpose(undefined)).toEqual({ purpose: null });
    expect(statedPurpose('   ')).toEqual({ purpose: null });
  });

  it('holds at most 200 characters, counted as characters, not bytes', () => {
    expect(statedPurpose('走'.repeat(200))).toEqual({ purpose: '走'.repeat(200) });
    expect(statedPurpose(` ${'走'.repeat(200)} `)).toEqual({ purpose: '走'.repeat(200) });
    expect(statedPurpose('走'.repeat(201))).toEqual({ tooLong: true });
  });

  it('joins a header sent twice as HTTP joins it', () => {
    expect(statedPurpose(['入户走访', '核实'])).toEqual({ purpose: '入户走访, 核实' });
  });
});
