// StoryBoard links: `https://storyboard.openstack.org/#!/story/<n>` (with `#comment-<n>`) and
// `…/#!/task/<n>`. StoryBoard is a single-page app that routes only what follows `#!/` (AngularJS's
// hashbang): `#/story/<n>`, `#!story/<n>` or a path `/story/<n>` never reach the story. Its other
// pages (`#!/project/…`, `#!/worklist/<n>`, `#!/board/<n>`, `#!/story/list`, `#!/search`) are well
// formed, and not stories.
import type { StoryTarget } from '../../model/model';
import { hostName, type UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from '../linkRules/linkRule';
import { mostUsed, type SnippetForm, type Tracker } from './tracker';

/** `#/story…`, `#story…` or `#!story…`: a story or task route with its `#!/` cut. */
const CUT_HASHBANG = /^(#\/?|#!)(stor(?:y|ies)|tasks?)(\/.*)?$/s;
/** `/story/<n>` as a path (the server routes none), with a `#comment-<n>` after it at most. */
const PATH_ROUTE = /^(\/)(stor(?:y|ies)|tasks?)(\/[^/]*\d[^/#]*\/?(?:#comment-.*)?)$/s;
/** `#!/story/<id>` or `#!/task/<id>`: the id, a trailing `/`, and a `#comment-…` after it. */
const ID_ROUTE = /^#!\/(story|task)\/([^/?#]*)(\/?)(#.*)?$/s;

export const storyMissingHashbang: LinkRule = {
  code: 'story-missing-hashbang',
  hosts: 'storyboard',
  check(url) {
    const m = CUT_HASHBANG.exec(url.fragment) ?? PATH_ROUTE.exec(url.path + url.fragment);
    if (!m) return undefined;
    return { message: `StoryBoard link needs "#!/" before "${m[2]}", not "${m[1]}"`, fixed: { ...url, path: '/', fragment: `#!/${m[2]}${m[3] ?? ''}` } };
  },
};

export const storyPlural: LinkRule = {
  code: 'story-plural',
  hosts: 'storyboard',
  check(url) {
    const m = /^#!\/(stories|tasks)(\/\d.*)$/s.exec(url.fragment);
    if (!m) return undefined;
    const one = m[1] === 'stories' ? 'story' : 'task';
    return { message: `StoryBoard link has "${m[1]}" where one ${one} is "${one}"`, fixed: { ...url, fragment: `#!/${one}${m[2]}` } };
  },
};

export const storyNumberMissing: LinkRule = {
  code: 'story-number-missing',
  hosts: 'storyboard',
  check(url, { following }) {
    // `#!/story` alone is the story list; `#!/story/` and `#!/task[/]` are a number left out
    const m = /^#!\/(story(?=\/)|task)\/?$/.exec(url.fragment);
    if (!m) return undefined;
    const message = `StoryBoard ${m[1]} link has no number`;
    const typed = numberAfterSpace(following);
    return typed
      ? { message: `${message} (it is after a space)`, fixed: { ...url, fragment: `#!/${m[1]}/${typed.digits}` }, consumeFollowing: typed.length }
      : { message };
  },
};

export const storyNumberNotNumeric: LinkRule = {
  code: 'story-number-not-numeric',
  hosts: 'storyboard',
  check(url) {
    const m = ID_ROUTE.exec(url.fragment);
    // `#!/story/list` and `#!/story/new` are pages of stories
    if (!m || /^(\d+|)$/.test(m[2]) || (m[1] === 'story' && /^(list|new)$/.test(m[2]))) return undefined;
    const message = `StoryBoard ${m[1]} number "${m[2]}" is not a number`;
    const digits = intendedNumber(m[2]);
    return digits ? { message, fixed: { ...url, fragment: `#!/${m[1]}/${digits}${m[3]}${m[4] ?? ''}` } } : { message };
  },
};

export const STORYBOARD_RULES: readonly LinkRule[] = [storyMissingHashbang, storyPlural, storyNumberMissing, storyNumberNotNumeric];

/** What a StoryBoard link points at: a story or a task, else undefined (another StoryBoard page). */
export function storyTarget(url: UrlParts): StoryTarget | undefined {
  const m = ID_ROUTE.exec(url.fragment);
  if (!m || !/^\d+$/.test(m[2])) return undefined;
  const host = hostName(url);
  if (m[1] === 'task') return { host, task: Number(m[2]) };
  const comment = /^#comment-(\d+)$/.exec(m[4] ?? '');
  return comment ? { host, story: Number(m[2]), comment: Number(comment[1]) } : { host, story: Number(m[2]) };
}

export const STORYBOARD: Tracker = {
  id: 'storyboard',
  name: 'StoryBoard',
  hosts: (hosts) => hosts.storyboard,
  schemeless: () => true,
  rules: STORYBOARD_RULES,
  classify(url) {
    const story = storyTarget(url);
    return story ? { kind: 'story', story } : { kind: 'other' };
  },
  canonical: [
    {
      pattern: /\/#!\/(story|task)\/(\d+)\/?$/y,
      read: (m, host) => ({ kind: 'story', story: m[1] === 'story' ? { host, story: Number(m[2]) } : { host, task: Number(m[2]) } }),
    },
  ],
  snippets(links) {
    const used = mostUsed(links.flatMap((l) => (l.story ? [l.story.host] : [])));
    const snippet: SnippetForm = { kind: 'story', label: 'story', body: `https://${used?.key ?? 'storyboard.openstack.org'}/#!/story/$1` };
    if (used) snippet.used = used.count;
    return [snippet];
  },
};
