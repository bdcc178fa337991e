export * from './contract.ts';
export * from './refusal.ts';
export * from './purpose-claim.ts';
export * from './verify-token.ts';
export * from './verify-forwarded-viewer.ts';
