export * from './roles.ts';
export * from './viewer.ts';
export * from './keys.ts';
export * from './key-config.ts';
export * from './access-token.ts';
export * from './forwarded-viewer.ts';
export * from './request-id.ts';
