/** How long free text may be, so that a typo or a paste never stores a novel in a name field. */
export const MAX_NAME_LENGTH = 100;
export const MAX_ADDRESS_LENGTH = 200;
export const MAX_PERSON_NAME_LENGTH = 50;
export const MAX_COMMITMENT_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
