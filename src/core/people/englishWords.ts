// Common English words (englishWordsText.ts): an action item's owner is a person or a team, and a
// word like "patches", "volunteer" or "maintainers" that starts a clause is not one. About 45,000
// words: a bundle of its own (dist/englishWords.js, dist/web/englishWords.js), loaded the first time
// an owner is weighed (englishWordsBundle.ts), so that activation and `midcycle check` never pay for it.
import { ENGLISH_WORDS_TEXT } from './englishWordsText';

export const ENGLISH_WORDS: ReadonlySet<string> = new Set(ENGLISH_WORDS_TEXT.split('\n'));
