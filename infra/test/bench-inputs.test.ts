import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { concurrencyFlag, onlyFlag, scalesFlag } from '../src/bench/bench-flags.ts';
import { yearUpTo } from '../src/bench/read-scenarios.ts';
import { parseProcessCpuMs } from '../src/bench/process-cpu.ts';
import { parseProcessStatus } from '../src/bench/process-memory.ts';
import { listeningSocketInodes, loopbackPort } from '../src/bench/server-process.ts';
import { takenSlots, upcomingSlots } from '../src/bench/writes/upcoming-slots.ts';
import { openingWindows } from '@civic/resources/seed';

const refuse = (message: string): never => {
  throw new Error(message);
};

describe('bench flags', () => {
  it('read a list of numbers in flight in the order given', () => {
    expect(concurrencyFlag('1, 4,16', refuse)).toEqual([1, 4, 16]);
  });

  it('refuse zero, words and repeats', () => {
    expect(() => concurrencyFlag('0,4', refuse)).toThrow('--concurrency must list positive whole numbers such as 1,4,16, not "0,4"');
    expect(() => concurrencyFlag('4,many', refuse)).toThrow('--concurrency must list positive whole numbers such as 1,4,16, not "4,many"');
    expect(() => concurrencyFlag('4,4', refuse)).toThrow('--concurrency lists a number twice: "4,4"');
  });

  it('take both scales, smallest first, or one', () => {
    expect([scalesFlag('both', refuse), scalesFlag('street', refuse)]).toEqual([['street', 'district'], ['street']]);
    expect(() => scalesFlag('city', refuse)).toThrow('--scale must be one of street, district, not "city"');
  });

  it('choose scenarios by part of their name, or every one', () => {
    expect([onlyFlag(undefined, refuse), onlyFlag(' scorecard ', refuse)]).toEqual([null, 'scorecard']);
    expect(() => onlyFlag(' ', refuse)).toThrow('--only must name part of a scenario, such as "scorecard"');
  });
});

describe('the scorecard scenario’s year', () => {
  it('is the twelve China months up to the current one, across a year’s turn in China time', () => {
    expect(yearUpTo(new Date('2026-11-30T12:00:00.000Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(yearUpTo(new Date('2026-12-31T17:00:00.000Z'))).toEqual({ from: '2026-02', to: '2027-01' });
  });
});

describe('parseProcessStatus', () => {
  it('reads VmRSS and VmHWM in bytes', () => {
    const status = ['Name:\tnode', 'VmPeak:\t 1234567 kB', 'VmHWM:\t  204800 kB', 'VmRSS:\t  102400 kB', 'Threads:\t11'].join('\n');
    expect(parseProcessStatus(status)).toEqual({ rssBytes: 100 * 1024 * 1024, peakRssBytes: 200 * 1024 * 1024 });
  });

  it('is null without them (a kernel thread, another system)', () => {
    expect(parseProcessStatus('Name:\tkworker/0:1\nThreads:\t1\n')).toBe(null);
  });
});

describe('upcomingSlots', () => {
  // Mondays 09:00-11:00 and 14:00-15:00, Tuesdays 09:00-10:00, China time, in hour slots.
  const windows = openingWindows(
    [
      { weekday: 'MONDAY', opens: '09:00', closes: '11:00' },
      { weekday: 'MONDAY', opens: '14:00', closes: '15:00' },
      { weekday: 'TUESDAY', opens: '09:00', closes: '10:00' },
    ],
    60,
  );
  if ('error' in windows) throw new Error(windows.error.message);

  it('lists the slots after the given instant in China time, earliest first, leaving out taken ones', () => {
    // Monday 2026-03-16 09:30 in China is 01:30 UTC: the 09:00 slot has begun, 10:00 is the first.
    const after = new Date('2026-03-16T01:30:00Z');
    const taken = takenSlots([{ startsAt: new Date('2026-03-16T06:00:00Z'), endsAt: new Date('2026-03-16T07:00:00Z') }], 60);
    expect(upcomingSlots(windows.windows, 60, after, 8, taken).map((slot) => slot.toISOString())).toEqual([
      '2026-03-16T02:00:00.000Z',
      '2026-03-17T01:00:00.000Z',
      '2026-03-23T01:00:00.000Z',
      '2026-03-23T02:00:00.000Z',
      '2026-03-23T06:00:00.000Z',
    ]);
  });

  it('counts the China day even when it is still the day before in UTC', () => {
    // Sunday 2026-03-15 20:00 UTC is Monday 04:00 in China: that Monday's slots all lie ahead.
    expect(upcomingSlots(windows.windows, 60, new Date('2026-03-15T20:00:00Z'), 1).map((slot) => slot.toISOString())).toEqual([
      '2026-03-16T01:00:00.000Z',
      '2026-03-16T02:00:00.000Z',
      '2026-03-16T06:00:00.000Z',
    ]);
  });
});

describe('takenSlots', () => {
  it('covers every slot a booking spans', () => {
    const taken = takenSlots([{ startsAt: new Date('2026-03-16T01:00:00Z'), endsAt: new Date('2026-03-16T02:30:00Z') }], 30);
    expect([...taken].map((start) => new Date(start).toISOString())).toEqual(['2026-03-16T01:00:00.000Z', '2026-03-16T01:30:00.000Z', '2026-03-16T02:00:00.000Z']);
  });
});

describe('finding a database server on this machine', () => {
  it('takes the port of a single loopback host, credentials and options aside', () => {
    expect([
      loopbackPort('mongodb://127.0.0.1:27601'),
      loopbackPort('mongodb://civic:s3cret@localhost:4100/?authSource=admin'),
      loopbackPort('mongodb://[::1]/'),
      loopbackPort('mongodb://db.example.org:27017'),
      loopbackPort('mongodb://127.0.0.1:27017,127.0.0.1:27018/?replicaSet=rs0'),
      loopbackPort('mongodb+srv://cluster.example.org'),
    ]).toEqual([27601, 4100, 27017, null, null, null]);
  });

  it('reads the inodes of sockets listening on a port from /proc/net/tcp', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:6989 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41234 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:6989 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 41240 1 0000000000000000 20 4 30 10 -1',
      '   2: 00000000:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1060 1 0000000000000000 100 0 0 10 0',
    ].join('\n');
    expect([listeningSocketInodes(table, 27017), listeningSocketInodes(table, 4000), listeningSocketInodes(table, 5000)]).toEqual([['41234'], ['1060'], []]);
  });
});

describe('parseProcessCpuMs', () => {
  it('adds user and system time, after a name holding spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = '4242 (node (gate way)) S 1 4242 4242 0 -1 4194560 9000 0 3 0 250 50 0 0 20 0 11 0 100 0';
    expect(parseProcessCpuMs(stat)).toBe(((250 + 50) * 1000) / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })));
  });
});
