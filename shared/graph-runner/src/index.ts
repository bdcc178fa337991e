export * from './start-graph.ts';
export * from './subgraph-processes.ts';
export * from './gateway-process.ts';
export * from './in-process.ts';
export { freeLoopbackPort } from './free-port.ts';
export { startServiceProcess, type ServiceProcess, type ServiceProcessOptions } from './service-process.ts';
export type { GatewayRuntime, RunningGateway } from '@civic/gateway';
