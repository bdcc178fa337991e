import type { AnyCivicEvent, CivicEvent } from './event.ts';

/** An event as the broker carries it: its JSON, UTF-8. */
export function encodeEvent(event: CivicEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

export function decodeEvent(data: Uint8Array): AnyCivicEvent {
  return JSON.parse(new TextDecoder().decode(data)) as AnyCivicEvent;
}
