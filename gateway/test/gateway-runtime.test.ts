import { describe, expect, it } from 'vitest';
import { gatewayRuntimeFromEnv } from '../src/gateway-runtime.ts';

describe('which runtime serves the supergraph', () => {
  it('is Apollo unless CIVIC_GATEWAY_RUNTIME names one', () => {
    expect([gatewayRuntimeFromEnv({}), gatewayRuntimeFromEnv({ CIVIC_GATEWAY_RUNTIME: '' })]).toEqual(['apollo', 'apollo']);
    expect([gatewayRuntimeFromEnv({ CIVIC_GATEWAY_RUNTIME: 'apollo' }), gatewayRuntimeFromEnv({ CIVIC_GATEWAY_RUNTIME: 'hive' })]).toEqual(['apollo', 'hive']);
  });

  it('stops the start on any other value, naming the variable and the choices', () => {
    expect(() => gatewayRuntimeFromEnv({ CIVIC_GATEWAY_RUNTIME: 'Hive' })).toThrow('CIVIC_GATEWAY_RUNTIME must be one of apollo, hive; it is "Hive"');
  });
});
