export { VALUE_TYPES } from './value-types.ts';
export { valueTypesCopiedDifferently, valueTypesUsedBy, withValueTypes, withValueTypesSdl } from './with-value-types.ts';
