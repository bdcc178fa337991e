import { describe, expect, it } from 'vitest';
import { choicesOf, choicesToStore, kindChosenTwice, outsideChannelsFor } from '../src/domain/preferences.ts';
import { NOTIFICATION_KINDS } from '../src/domain/vocabulary.ts';

describe('channel preferences', () => {
  it('keeps the inbox always on and nothing else until chosen', () => {
    expect(outsideChannelsFor(null, 'REQUEST_RECEIVED')).toEqual([]);
    expect(choicesOf(null)).toEqual(NOTIFICATION_KINDS.map((kind) => ({ kind, channels: ['IN_APP'] })));
  });

  it('stores the outside channels of each kind chosen, in a fixed order, dropping IN_APP and repeats', () => {
    const stored = choicesToStore([
      { kind: 'REQUEST_RECEIVED', channels: ['WECHAT', 'IN_APP', 'SMS', 'WECHAT'] },
      { kind: 'CLAIM_WON', channels: [] },
    ]);
    expect(stored).toEqual({ REQUEST_RECEIVED: ['SMS', 'WECHAT'], CLAIM_WON: [] });
    expect(outsideChannelsFor(stored as never, 'REQUEST_RECEIVED')).toEqual(['SMS', 'WECHAT']);
    expect(choicesOf({ DEADLINE_PASSED: ['SMS'] }).find((choice) => choice.kind === 'DEADLINE_PASSED')).toEqual({ kind: 'DEADLINE_PASSED', channels: ['IN_APP', 'SMS'] });
  });

  it('refuses a kind named twice in one change', () => {
    expect(choicesToStore([{ kind: 'CLAIM_WON', channels: ['SMS'] }, { kind: 'CLAIM_WON', channels: [] }])).toEqual(kindChosenTwice('CLAIM_WON'));
  });
});
