// What Midcycle calls itself when it asks Gerrit, Launchpad and StoryBoard (or reads a pad): its name, version and
// where it runs, and the project's address when package.json's `repository` names one (the build
// defines MIDCYCLE_REPOSITORY from it, the one place to set it; none is named until the project has
// a public home of its own, rather than an address that is someone else's).
declare const MIDCYCLE_VERSION: string | undefined;
declare const MIDCYCLE_REPOSITORY: string | undefined;

export function linkFactsUserAgent(client: 'CLI' | 'VS Code', purpose: 'link facts' | 'meeting notes' = 'link facts'): string {
  const version = typeof MIDCYCLE_VERSION === 'string' ? MIDCYCLE_VERSION : 'dev';
  const home = typeof MIDCYCLE_REPOSITORY === 'string' && MIDCYCLE_REPOSITORY ? `; +${MIDCYCLE_REPOSITORY}` : '';
  return `midcycle/${version} (${client}; ${purpose}${home})`;
}
