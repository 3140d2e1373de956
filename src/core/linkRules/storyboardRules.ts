// StoryBoard links: `https://storyboard.openstack.org/#!/story/<n>` (with `#comment-<n>`) and
// `…/#!/task/<n>`. StoryBoard is a single-page app that routes only what follows `#!` (AngularJS's
// hashbang): `#/story/<n>`, `#!story/<n>` or a path `/story/<n>` all land on its front page. Its
// other pages (`#!/project/…`, `#!/worklist/<n>`, `#!/board/<n>`, `#!/story/list`, `#!/search`)
// are well formed, and not stories.
import type { StoryTarget } from '../model';
import { hostName, type UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from './linkRule';

/** A story or task route word, singular or plural, and what follows it. */
const ROUTE_WORD = '(stor(?:y|ies)|tasks?)';
/** A story or task route in the fragment with `#!` or its `/` missing: `#/story/…`, `#!story/…`, `#story/…`. */
const BROKEN_HASHBANG = new RegExp(`^#(!?)(/?)${ROUTE_WORD}(?=/|$)(.*)$`, 's');
/** A story or task route written as a path, which the server does not route: `/story/<n>`. */
const PATH_ROUTE = new RegExp(`^/${ROUTE_WORD}/([^/]*\\d[^/]*)/?$`);
/** `#!/story/<id>` or `#!/task/<id>`: the id segment, and a `#comment-…` after it. */
const ID_ROUTE = /^#!\/(story|task)\/([^/?#]*)(\/?)(#.*)?$/s;
/** Story routes that are pages, not stories. */
const STORY_PAGES = new Set(['list', 'new']);

function singular(word: string): string {
  return word === 'stories' ? 'story' : word.replace(/s$/, '');
}

export const storyMissingHashbang: LinkRule = {
  code: 'story-missing-hashbang',
  hosts: 'storyboard',
  check(url) {
    if (url.fragment && !/^#comment-/.test(url.fragment)) return undefined;
    const m = PATH_ROUTE.exec(url.path);
    if (!m) return undefined;
    return {
      message: `StoryBoard ${singular(m[1])} link is missing "#!" before "/${m[1]}/": StoryBoard routes only what follows "#!"`,
      fixed: { ...url, path: '/', fragment: `#!/${m[1]}/${m[2]}${url.fragment}` },
    };
  },
};

export const storyMissingBang: LinkRule = {
  code: 'story-missing-bang',
  hosts: 'storyboard',
  check(url) {
    const m = BROKEN_HASHBANG.exec(url.fragment);
    if (!m || m[1]) return undefined;
    const missing = m[2] ? '"!" of "#!/"' : '"!/" after "#"';
    return { message: `StoryBoard link is missing the ${missing}: StoryBoard shows its front page`, fixed: { ...url, fragment: `#!/${m[3]}${m[4]}` } };
  },
};

export const storyMissingSlash: LinkRule = {
  code: 'story-missing-slash',
  hosts: 'storyboard',
  check(url) {
    const m = BROKEN_HASHBANG.exec(url.fragment);
    if (!m || !m[1] || m[2]) return undefined;
    return { message: 'StoryBoard link is missing the "/" after "#!": StoryBoard shows its front page', fixed: { ...url, fragment: `#!/${m[3]}${m[4]}` } };
  },
};

export const storyPlural: LinkRule = {
  code: 'story-plural',
  hosts: 'storyboard',
  check(url) {
    const m = /^#!\/(stories|tasks)(\/\d.*)$/s.exec(url.fragment);
    if (!m) return undefined;
    const one = singular(m[1]);
    return { message: `StoryBoard link has "${m[1]}" where one ${one} is "${one}"`, fixed: { ...url, fragment: `#!/${one}${m[2]}` } };
  },
};

export const storyNumberMissing: LinkRule = {
  code: 'story-number-missing',
  hosts: 'storyboard',
  check(url, { following }) {
    // `#!/story` alone is the story list; `#!/story/` and `#!/task[/]` are a number left out
    const m = /^#!\/(story\/|task\/?)$/.exec(url.fragment);
    if (!m) return undefined;
    const word = m[1].replace('/', '');
    const message = `StoryBoard ${word} link has no ${word} number`;
    const typed = numberAfterSpace(following);
    if (!typed || url.query) return { message };
    return { message: `${message} (it is after a space)`, fixed: { ...url, fragment: `#!/${word}/${typed.digits}` }, consumeFollowing: typed.length };
  },
};

export const storyNumberNotNumeric: LinkRule = {
  code: 'story-number-not-numeric',
  hosts: 'storyboard',
  check(url) {
    const m = ID_ROUTE.exec(url.fragment);
    if (!m || m[2] === '' || /^\d+$/.test(m[2]) || (m[1] === 'story' && STORY_PAGES.has(m[2]))) return undefined;
    const message = `StoryBoard ${m[1]} number "${m[2]}" is not a number`;
    const digits = intendedNumber(m[2]);
    return digits ? { message, fixed: { ...url, fragment: `#!/${m[1]}/${digits}${m[3]}${m[4] ?? ''}` } } : { message };
  },
};

export const STORYBOARD_RULES: readonly LinkRule[] = [
  storyMissingHashbang, storyMissingBang, storyMissingSlash, storyPlural, storyNumberMissing, storyNumberNotNumeric,
];

/** What a StoryBoard link points at: a story or a task, else undefined (another StoryBoard page). */
export function storyTarget(url: UrlParts): StoryTarget | undefined {
  const m = ID_ROUTE.exec(url.fragment);
  if (!m || !/^\d+$/.test(m[2])) return undefined;
  const host = hostName(url);
  if (m[1] === 'task') return { host, task: Number(m[2]) };
  const comment = m[4] && /^#comment-(\d+)$/.exec(m[4]);
  return comment ? { host, story: Number(m[2]), comment: Number(comment[1]) } : { host, story: Number(m[2]) };
}
