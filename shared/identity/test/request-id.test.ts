import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '../src/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request id', () => {
  it('keeps a sane id the caller sent', () => {
    expect(requestIdFrom('req-42_a.b:c')).toBe('req-42_a.b:c');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('makes a UUID when the caller sent none, a repeated header, or one too long or with other characters', () => {
    for (const header of [undefined, '', ['a', 'b'], 'a'.repeat(129), 'has space', 'line\nbreak', '{"json":1}', '王']) {
      expect(requestIdFrom(header)).toMatch(UUID);
    }
  });
});
