import { describe, expect, it } from 'vitest';
import { statedPurpose } from '../src/index.ts';

const header = (text: string) => encodeURIComponent(text);

describe('stated purpose', () => {
  it('is the header decoded from percent-encoded UTF-8 and trimmed; nothing when absent or blank', () => {
    expect(statedPurpose(header('  核实特殊人群补贴  '))).toEqual({ purpose: '核实特殊人群补贴' });
    expect(statedPurpose('home visit')).toEqual({ purpose: 'home visit' });
    expect(statedPurpose(header('100% 核实'))).toEqual({ purpose: '100% 核实' });
    expect(statedPurpose(undefined)).toEqual({ purpose: null });
    expect(statedPurpose('   ')).toEqual({ purpose: null });
  });

  it('holds at most 200 characters, counted once decoded, not as bytes', () => {
    expect(statedPurpose(header('走'.repeat(200)))).toEqual({ purpose: '走'.repeat(200) });
    expect(statedPurpose(header(` ${'走'.repeat(200)} `))).toEqual({ purpose: '走'.repeat(200) });
    expect(statedPurpose(header('走'.repeat(201)))).toEqual({ refused: 'too-long' });
  });

  it('refuses a header that is not percent-encoded UTF-8', () => {
    expect(statedPurpose('100%')).toEqual({ refused: 'not-percent-encoded' });
    expect(statedPurpose('%E8%B5')).toEqual({ refused: 'not-percent-encoded' });
  });

  it('joins a header sent twice as HTTP joins it', () => {
    expect(statedPurpose([header('入户走访'), header('核实')])).toEqual({ purpose: '入户走访, 核实' });
  });
});
