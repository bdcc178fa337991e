/** How long free text may be, so that a typo or a paste never stores a novel in a title. */
export const MAX_TITLE_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_NOTE_LENGTH = 500;
export const MAX_PERSON_NAME_LENGTH = 50;
export const MAX_ADDRESS_LENGTH = 200;
export const MAX_TAG_LENGTH = 20;
export const MAX_TAGS = 20;
