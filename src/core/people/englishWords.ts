// Common English words (englishWordsText.ts): an action item's owner is a person or a team, and a
// word like "patches", "volunteer" or "maintainers" that starts a clause is not one. About 45,000
// words: a bundle of its own (dist/englishWords.js, dist/web/englishWords.js), loaded the first time
// an owner is weighed (englishWordsBundle.ts), so that activation and `midcycle check` never pay for it.
// With them, first names (firstNamesText.ts): "Mark", "Bob", "Will" are words and names both.
import { ENGLISH_WORDS_TEXT } from './englishWordsText';
import { FIRST_NAMES_TEXT } from './firstNamesText';

export const ENGLISH_WORDS: ReadonlySet<string> = new Set(ENGLISH_WORDS_TEXT.split('\n'));

/** First names as written, capitalised ("Mark", "Devlin"). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(FIRST_NAMES_TEXT.split('\n'));
