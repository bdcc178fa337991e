import { describe, expect, it } from 'vitest';
import { LiveStream } from '../src/live/live-stream.ts';

// One subscriber's stream as graphql-sse reads it.
function aStream() {
  const pushed: string[] = [];
  let closed = 0;
  const stream = new LiveStream(
    (target) => {
      pushed.push(target);
      return Promise.resolve({ data: { target } });
    },
    () => closed++,
  );
  return { stream, pushed, closed: () => closed };
}

describe('a live stream', () => {
  it('pushes each target offered once while it waits, in the order offered', async () => {
    const { stream, pushed } = aStream();
    stream.offer('w1');
    stream.offer('w2');
    stream.offer('w1');
    expect([await stream.next(), await stream.next()]).toEqual([
      { done: false, value: { data: { target: 'w1' } } },
      { done: false, value: { data: { target: 'w2' } } },
    ]);
    const waiting = stream.next();
    stream.offer('w1');
    expect(await waiting).toEqual({ done: false, value: { data: { target: 'w1' } } });
    expect(pushed).toEqual(['w1', 'w2', 'w1']);
  });

  it('ends with its last message, dropping what waits, and closes once', async () => {
    const { stream, pushed, closed } = aStream();
    stream.offer('w1');
    stream.end({ errors: [{ message: 'expired' }] });
    stream.end();
    expect([await stream.next(), await stream.next()]).toEqual([{ done: false, value: { errors: [{ message: 'expired' }] } }, { done: true, value: undefined }]);
    expect([pushed, closed()]).toEqual([[], 1]);
    await stream.ended;
  });

  it('ends a waiting read when the client goes away', async () => {
    const { stream, closed } = aStream();
    const waiting = stream.next();
    await stream.return();
    expect([await waiting, closed()]).toEqual([{ done: true, value: undefined }, 1]);
  });
});
