import { Types } from 'mongoose';
import type { Random } from './random.ts';

// 2025-01-01T00:00:00Z: the timestamp part of every seeded id, so seeded ids sort before live ones.
const ID_EPOCH_SECONDS = 1_735_689_600;
const COUNTER_SPAN = 2 ** 24;

/**
 * ObjectIds laid out like a driver's (timestamp, 5 "process" bytes, 3-byte counter), but with the
 * process bytes from the seeded stream and the counter starting at zero: the same run gives the
 * same ids, and ids sort in the order the records were generated (district first, then streets,
 * communities, ...), which keeps `_id`-ordered listings in a sensible order.
 */
export class ObjectIdSource {
  private counter: number;
  private readonly end: number;
  private readonly processBytes: Buffer;

  constructor(random: Random);
  constructor(processBytes: Buffer, counter: number, end: number);
  constructor(source: Random | Buffer, counter = 0, end = Number.POSITIVE_INFINITY) {
    this.processBytes = Buffer.isBuffer(source) ? source : Buffer.from(Array.from({ length: 5 }, () => source.int(0, 255)));
    this.counter = counter;
    this.end = end;
  }

  next(): Types.ObjectId {
    if (this.counter >= this.end) throw new Error('seed: a reserved block of ids is used up');
    const bytes = Buffer.alloc(12);
    bytes.writeUInt32BE(ID_EPOCH_SECONDS + Math.floor(this.counter / COUNTER_SPAN), 0);
    this.processBytes.copy(bytes, 4);
    bytes.writeUIntBE(this.counter % COUNTER_SPAN, 9, 3);
    this.counter++;
    return new Types.ObjectId(bytes);
  }

  /**
   * The next `count` ids as a source of their own, for records generated after others that take
   * ids later in the sequence: a record's id stays the same whenever it is generated.
   */
  reserve(count: number): ObjectIdSource {
    const block = new ObjectIdSource(this.processBytes, this.counter, this.counter + count);
    this.counter += count;
    return block;
  }
}
