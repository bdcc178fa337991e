/** Lengths of free text, generous for Chinese (one character carries a word). */
export const MAX_TITLE_LENGTH = 100;
export const MAX_PLACE_LENGTH = 200;
export const MAX_URL_LENGTH = 500;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_MINUTES_LENGTH = 20_000;
