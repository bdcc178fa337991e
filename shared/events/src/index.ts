export * from './catalogue.ts';
export * from './event.ts';
export * from './outbox.ts';
export * from './consumer.ts';
