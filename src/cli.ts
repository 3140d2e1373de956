// `midcycle`: the core, adapted to a terminal. Output formats are contracts (see README "CLI").
// Exit status: 0 fine, 1 when `check` found an error, 2 for a usage or input problem.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { linkFactsModule } from './core/facts/linkFactsBundle';
import { somethingAt, writeAtomically } from './writeAtomically';
import { showControlCharacters } from './core/model/controlCharacters';
import { apisFromFlags, FlagError, githubCredentials, lookUpLinks, type OnlineFacts, type OnlineFlags } from './cliLinkFacts';
import { linkFactsUserAgent } from './core/facts/userAgent';
import {
  applyFixes,
  DEFAULT_LINK_HOSTS,
  type Diagnostic,
  type Link,
  diagnosticJson,
  exportEmail,
  exportText,
  followUpDiagnostics,
  followUpLinks,
  followUps,
  followUpsJson,
  isLineBreaks,
  kindCountWords,
  LINE_BREAKS,
  parseReport,
  previousOf,
  toOutline,
  type FollowUp,
  type LinkHosts,
  type PreviousReference,
  type LinkKind,
  type LinkNotes,
  type ListNesting,
  type OutlineTopic,
  type Report,
  type ReportOptions,
  repositoryOf,
  type ShortReferences,
} from './core';

/**
 * The mail code, two bundles of their own loaded only by the commands that use them, so that `check`
 * never pays for them: the .eml writer (dist/mailExport.js), the importers with their HTML and MIME
 * parsers (dist/mailImport.js).
 */
function mailExport(): typeof import('./mailExport') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose not bundled in
  return require('./mailExport') as typeof import('./mailExport');
}
function mailImport(): typeof import('./mailImport') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose not bundled in
  return require('./mailImport') as typeof import('./mailImport');
}

declare const MIDCYCLE_VERSION: string | undefined;

const USAGE = `Usage: midcycle <command> FILE [options]     (FILE may be - for standard input)

Commands:
  outline FILE [--json] [--online]        the report's topics, links and action items (--online: with
                                          each link's title, status and project)
  check FILE [--json] [--fix] [--online]  malformed review, bug, blueprint, story and etherpad links,
                                          Markdown that hides topics, and owners that look like a typo
                                          of a nick (--online: also changes, bugs, pull and merge
                                          requests, issues and commits that are not there, abandoned
                                          changes, pull and merge requests closed unmerged, bugs
                                          filed against another project, issue links that are pull
                                          requests); exit status 1 on any error
  import MAIL [-o DRAFT.md [--force]] [--text]
                                          a sent report (.eml, Gmail/Outlook/Thunderbird HTML, a list
                                          archive's page or text, a .txt or .rst) as a Markdown draft
                                          that exports back to it; says on stderr how it read MAIL
                                          (--text: as plain text, whatever it holds)
  import PAD-URL|MINUTES|NOTES [--notes] [-o DRAFT.md [--force]] [--timeout SECONDS]
                                          a draft from the meeting's notes: an etherpad's text (read
                                          from PAD-URL/export/txt on an etherpad host), MeetBot or
                                          meetingology minutes (text or HTML, known by their content),
                                          or notes in a file (--notes): its items as topics, its links
                                          and action items, its attendees in the front matter
  export FILE [--format html|text|eml] [-o OUT [--force]] [--nesting gmail|standard] [--font FONTS]
         [--line-breaks auto|markdown|keep] [--from ADDRESS] [--action-summary]
         [--online --annotate-links none|status|title]
                                          the mailing-list email (Gmail HTML, its text/plain part, or
                                          a .eml message with both, headers from the front matter,
                                          --from the sender when it has no from:; what the headers
                                          lack is printed on stderr); -o never replaces a file unless
                                          --force; line breaks as the draft's line-breaks: says, else
                                          as this flag says (auto); --annotate-links: a change's
                                          status after its link, or its title before a bare URL;
                                          --action-summary: "Action items, by person" at the end

A draft whose front matter names the last report (previous: ../2016-mitaka.md, or its .eml or
.html) has follow-ups: outline lists that report's action items (done, mentioned in this draft or
not; "followUps" in --json), check says how many open ones this draft does not mention.

Options:
  -o OUT                  the file to write (export, import); - for standard output
  --gerrit-host HOST      another Gerrit host to check (repeatable)
  --etherpad-host HOST[:PORT]  another etherpad host to check and to read pads from (repeatable)
  --storyboard-host HOST  another StoryBoard host to check (repeatable)
  --gitlab-host HOST      a self-hosted GitLab to check besides gitlab.com (repeatable)
  --jira-host HOST        a Jira host to check besides issues.apache.org (repeatable)
  --repository REPO       the repository of #123 in the text: owner/repo (GitHub) or its URL
                          (https://gitlab.com/group/project); the draft's repository: comes first
  --jira-project URL      a Jira project whose keys (KEY-123) in the text are issues
                          (https://issues.apache.org/jira/browse/KEY; repeatable)

Link facts (--online): only the numbers, keys, hashes and names of the draft's changes, bugs,
blueprints, stories, pull and merge requests, issues and commits are sent, one GET each, to the
services' public APIs; answers are kept for an hour in
$XDG_CACHE_HOME/midcycle (~/.cache/midcycle). A service that cannot be reached is named on stderr;
its links are not checked online, and the exit status is as without --online.
  --online                look the links up (nothing is fetched without it)
  --gerrit-api HOST=BASE  where a Gerrit host's API is (repeatable; BASE alone: every Gerrit
                          host); default https://HOST, review.openstack.org at review.opendev.org
  --launchpad-api BASE    default https://api.launchpad.net/1.0
  --storyboard-api [HOST=]BASE  default https://storyboard.openstack.org/api/v1
  --github-api BASE       default https://api.github.com; GITHUB_TOKEN, when set, is sent to
                          its origin alone (60 requests an hour without it, 5,000 with it)
  --gitlab-api [HOST=]BASE  default https://HOST/api/v4 (BASE alone: gitlab.com's)
  --jira-api HOST=BASE    default the link's base /rest/api/2 (https://HOST/rest/api/2)
  --bugzilla-api HOST=BASE  default https://HOST/rest
  --timeout SECONDS       per request (default 10)
  --max-time SECONDS      for all the lookups of a run (default 180; the rest are left unchecked,
                          said on stderr, and asked first on the next run)
  --no-cache              neither read nor write the cache

  -h, --help              this help
  --version               the version`;

class UsageError extends Error {}

export function main(argv: string[], terminal: { out: (s: string) => void; err: (s: string) => void; stdin: () => Buffer }): number | Promise<number> {
  // every printed line holds text from outside (a draft, an email, a service's answer): its control
  // characters are shown, never sent to the terminal as commands
  const io = { out: (s: string) => terminal.out(showControlCharacters(s)), err: (s: string) => terminal.err(showControlCharacters(s)), stdin: terminal.stdin };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        fix: { type: 'boolean' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        nesting: { type: 'string' },
        font: { type: 'string' },
        'line-breaks': { type: 'string' },
        from: { type: 'string' },
        force: { type: 'boolean' },
        text: { type: 'boolean' },
        notes: { type: 'boolean' },
        'action-summary': { type: 'boolean' },
        'gerrit-host': { type: 'string', multiple: true },
        'etherpad-host': { type: 'string', multiple: true },
        'storyboard-host': { type: 'string', multiple: true },
        'gitlab-host': { type: 'string', multiple: true },
        'jira-host': { type: 'string', multiple: true },
        repository: { type: 'string' },
        'jira-project': { type: 'string', multiple: true },
        online: { type: 'boolean' },
        'gerrit-api': { type: 'string', multiple: true },
        'launchpad-api': { type: 'string' },
        'storyboard-api': { type: 'string', multiple: true },
        'github-api': { type: 'string' },
        'gitlab-api': { type: 'string', multiple: true },
        'jira-api': { type: 'string', multiple: true },
        'bugzilla-api': { type: 'string', multiple: true },
        'no-cache': { type: 'boolean' },
        timeout: { type: 'string' },
        'max-time': { type: 'string' },
        'annotate-links': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    // node's message goes on about `--`; its first sentence says what is wrong
    io.err(`midcycle: ${(e as Error).message.split(/\.\s/)[0]} (see midcycle --help)`);
    return 2;
  }
  const failed = (e: unknown): number => {
    if (e instanceof UsageError || e instanceof FlagError) io.err(`midcycle: ${e.message} (see midcycle --help)`);
    else io.err(`midcycle: ${(e as Error).message}`);
    return 2;
  };
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(typeof MIDCYCLE_VERSION === 'string' ? MIDCYCLE_VERSION : 'dev');
    return 0;
  }
  try {
    const { command, file } = commandOf(positionals, values);
    const hosts = linkHostsOf(values);
    const online = onlineFlags(values, hosts, command);
    const options: ReportOptions = { hosts };
    // a pad's address: its text is read from the etherpad, not a file
    if (command === 'import' && /^https?:\/\//i.test(file)) return padImportCommand(file, hosts.etherpad, values, io);
    const text = readInput(file, io.stdin);
    if (command === 'import') return importCommand(text, file, values, io);
    const email = emailNotDraft(file, text);
    if (email) throw new Error(`${email} is an email, not a draft: run \`midcycle import ${file}\` first`);
    if (online) return onlineCommand(command, text, file, options, online, values, io).catch(failed);
    switch (command) {
      case 'outline': {
        const report = parseReport(text, options);
        const previous = previousOf(report);
        if (previous) return lastReport(file, previous, options).then((last) => outline(report, values.json === true, io, undefined, last));
        return outline(report, values.json === true, io);
      }
      case 'check': {
        // only the diagnostics: the parse (its tokens, most of the memory) is let go before printing
        const { diagnostics, followed } = checked(text, options);
        const flags = { json: values.json === true, fix: values.fix === true };
        if (followed)
          return lastReport(file, followed.previous, options).then((last) =>
            check([...diagnostics, ...lastReportDiagnostics(followed.report, last)], file, text, options, flags, io, (r) => lastReportDiagnostics(r, last)),
          );
        return check(diagnostics, file, text, options, flags, io);
      }
      default:
        return exportCommand(parseReport(text, options), file, values, io);
    }
  } catch (e) {
    return failed(e);
  }
}

/** What --repository and --jira-project say of the text's short references, checked; undefined when neither is given. */
function shortReferences(repository: string | undefined, jira: readonly string[] | undefined): ShortReferences | undefined {
  if (repository === undefined && !jira?.length) return undefined;
  const references: ShortReferences = {};
  if (repository !== undefined) {
    if (!repositoryOf(repository)) throw new UsageError(`--repository needs owner/repo or a repository's URL, not "${repository}"`);
    references.repository = repository;
  }
  for (const project of jira ?? [])
    if (!/^https?:\/\/[^/\s]+(?:\/[^/\s]+)*?\/(?:browse|projects)\/[A-Za-z][A-Za-z0-9_]*\/?$/.test(project))
      throw new UsageError(`--jira-project needs a project's URL (https://issues.apache.org/jira/browse/KEY), not "${project}"`);
  if (jira?.length) references.jira = [...jira];
  return references;
}

/** The --online flags, checked; undefined without --online (and then no other of them may be given). */
function onlineFlags(
  values: {
    online?: boolean;
    'gerrit-api'?: string[];
    'launchpad-api'?: string;
    'storyboard-api'?: string[];
    'github-api'?: string;
    'gitlab-api'?: string[];
    'jira-api'?: string[];
    'bugzilla-api'?: string[];
    'no-cache'?: boolean;
    timeout?: string;
    'max-time'?: string;
    'annotate-links'?: string;
  },
  hosts: LinkHosts,
  command: string,
): OnlineFlags | undefined {
  // (an import from a pad's address takes its own --timeout)
  const given = (
    [
      'gerrit-api',
      'launchpad-api',
      'storyboard-api',
      'github-api',
      'gitlab-api',
      'jira-api',
      'bugzilla-api',
      'no-cache',
      'timeout',
      'max-time',
      'annotate-links',
    ] as const
  ).find((k) => values[k] !== undefined && !(k === 'timeout' && command === 'import'));
  if (!values.online) {
    if (given) throw new UsageError(`--${given} is for --online`);
    return undefined;
  }
  if (command === 'import') throw new UsageError('--online is for outline, check and export');
  if (values['annotate-links'] !== undefined && command !== 'export') throw new UsageError('--annotate-links is for export');
  const seconds = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!(seconds > 0 && seconds <= 300)) throw new UsageError(`--timeout needs a number of seconds up to 300, not "${values.timeout}"`);
  const runSeconds = values['max-time'] === undefined ? 180 : Number(values['max-time']);
  if (!(runSeconds > 0 && runSeconds <= 86_400)) throw new UsageError(`--max-time needs a number of seconds up to 86400, not "${values['max-time']}"`);
  // a host named for its API is a Gerrit (or StoryBoard, GitLab, Jira) host whose links are checked
  const named = (flags: readonly string[] | undefined) => (flags ?? []).flatMap((f) => (/^[^=:/]+=/.test(f) ? [f.slice(0, f.indexOf('=')).toLowerCase()] : []));
  hosts.gerrit = [...new Set([...hosts.gerrit, ...named(values['gerrit-api'])])];
  hosts.storyboard = [...new Set([...hosts.storyboard, ...named(values['storyboard-api'])])];
  if (values['gitlab-api']) hosts.gitlab = [...new Set([...(hosts.gitlab ?? []), ...named(values['gitlab-api'])])];
  if (values['jira-api']) hosts.jira = [...new Set([...(hosts.jira ?? []), ...named(values['jira-api'])])];
  const m = linkFactsModule();
  const apis = apisFromFlags(
    {
      gerrit: values['gerrit-api'],
      launchpad: values['launchpad-api'],
      storyboard: values['storyboard-api'],
      github: values['github-api'],
      gitlab: values['gitlab-api'],
      jira: values['jira-api'],
      bugzilla: values['bugzilla-api'],
    },
    hosts.gerrit,
    hosts.storyboard,
    m.DEFAULT_FACTS_APIS,
  );
  const credentials = githubCredentials(process.env, apis, m.GITHUB_API);
  return { apis, cache: values['no-cache'] !== true, timeoutMs: seconds * 1000, runMs: runSeconds * 1000, credentials };
}

/** outline, check and export with the links looked up: one lookup, then as offline. */
async function onlineCommand(
  command: string,
  text: string,
  file: string,
  options: ReportOptions,
  online: OnlineFlags,
  values: {
    json?: boolean;
    fix?: boolean;
    format?: string;
    output?: string;
    nesting?: string;
    font?: string;
    force?: boolean;
    from?: string;
    'line-breaks'?: string;
    'annotate-links'?: string;
    'action-summary'?: boolean;
  },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const m = linkFactsModule();
  const annotate = values['annotate-links'] ?? 'none';
  if (annotate !== 'none' && annotate !== 'status' && annotate !== 'title')
    throw new UsageError(`unknown --annotate-links "${annotate}" (none, status or title)`);
  let report = parseReport(text, options);
  const facts = await lookUpLinks(report, online);
  // the last report's items are done once every change they link has merged: its links are looked up too
  const previous = command === 'export' ? undefined : previousOf(report);
  const last = previous && (await lastReport(file, previous, options));
  if (last?.report) await facts.add(followUpLinks(last.report));
  const lastFacts = (l: Link) => facts.resultOf(l);
  const all = (r: Report) =>
    [...r.diagnostics, ...m.factDiagnostics(r.links, (l: Link) => facts.resultOf(l)), ...(last ? lastReportDiagnostics(r, last, lastFacts) : [])].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  let code: number;
  if (command === 'outline') code = outline(report, values.json === true, io, facts, last);
  else if (command === 'export') {
    code = exportCommand(
      report,
      file,
      values,
      io,
      m.linkNotes(annotate, report.parse.hosts, online.apis, (url) => facts.byUrl(url)),
    );
  } else {
    let diagnostics = all(report);
    let current = text;
    const fixed = values.fix ? fixFile(file, text, diagnostics, io) : undefined;
    if (fixed !== undefined) {
      current = fixed;
      report = parseReport(current, options);
      await facts.add(report.links);
      diagnostics = all(report);
    }
    code = check(diagnostics, file, current, options, { json: values.json === true, fix: false }, io);
  }
  const trouble = facts.trouble();
  if (trouble) io.err(trouble);
  return code;
}

function readInput(file: string, stdin: () => Buffer): string {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? stdin() : fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[err.code ?? ''] ?? err.message;
    throw new Error(`cannot read ${file}: ${why}`, { cause: e });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`cannot read ${file}: it is not UTF-8 text (save it as UTF-8 and try again)`, { cause: e });
  }
}

function outline(report: Report, json: boolean, io: { out: (s: string) => void; err: (s: string) => void }, facts?: OnlineFacts, last?: LastReport): number {
  const out = io.out;
  const factsOf = facts && ((l: Link) => facts.resultOf(l));
  const o = toOutline(report, factsOf);
  const ups = last?.report && followUps(last.report, report, factsOf);
  if (ups) o.followUps = followUpsJson(ups);
  if (last?.why) io.err(`midcycle: cannot read the last report, ${last.previous.path}: ${last.why}`);
  if (json) {
    out(jsonText(o));
    return 0;
  }
  if (o.subject) out(`${o.subject}\n`);
  const print = (t: OutlineTopic, depth: number) => {
    const counts = [countKinds(t), t.statuses].filter(Boolean).join(' · ');
    out(`${'  '.repeat(depth)}${t.title}  (line ${t.line})${counts ? `  ${counts}` : ''}`);
    t.children.forEach((c) => print(c, depth + 1));
  };
  o.topics.forEach((t) => print(t, 0));
  out(`\n${counted(o.topics.length, 'topic')}, ${counted(o.links.length, 'link')}, ${counted(o.actions.length, 'action item')}`);
  if (o.actions.length) {
    out('\nAction items:');
    for (const a of o.actions) out(`  ${a.owner}: ${a.text}  (line ${a.line})`);
  }
  if (ups && last) {
    out(`\nFrom the last report (${last.previous.path}):`);
    if (!ups.length) out('  (no action items)');
    for (const u of ups) out(`  ${u.owner}: ${u.text}  (line ${u.range.start.line + 1} there)  ${followUpState(u)}`);
  }
  return 0;
}

function followUpState(u: FollowUp): string {
  return u.done ? 'done' : u.mentioned ? 'open, mentioned here' : 'open, not mentioned here';
}

/** The last report a draft names, parsed as a draft is; or why it could not be read. */
interface LastReport {
  previous: PreviousReference;
  report?: Report;
  why?: string;
}

/**
 * The draft's last report (`previous:`), read (never written) relative to the draft's folder, or to
 * the working directory for standard input; an .eml or .html imported on the fly.
 */
async function lastReport(file: string, previous: PreviousReference, options: ReportOptions): Promise<LastReport> {
  const base = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
  const target = path.resolve(base, previous.path);
  let text: string;
  try {
    text = readInput(target, () => Buffer.alloc(0));
  } catch (e) {
    return { previous, why: (e as Error).message.replace(/^cannot read [^:]*: /, '') };
  }
  if (emailNotDraft(target, text)) {
    try {
      text = (await mailImport().importMessage(text, path.basename(target))).markdown;
    } catch (e) {
      return { previous, why: `it could not be imported (${(e as Error).message})` };
    }
  }
  return { previous, report: parseReport(text, options) };
}

/** What the draft's `previous:` line says (follow-ups-open, previous-unreadable). */
function lastReportDiagnostics(report: Report, last: LastReport, factsOf?: (l: Link) => ReturnType<OnlineFacts['resultOf']>): Diagnostic[] {
  const previous = previousOf(report);
  if (!previous) return [];
  return followUpDiagnostics(report, previous, last.report && followUps(last.report, report, factsOf), last.why);
}

/**
 * A draft's diagnostics for `check`, its parse let go unless its front matter names a last report
 * (whose follow-ups need it).
 */
function checked(text: string, options: ReportOptions): { diagnostics: Diagnostic[]; followed?: { report: Report; previous: PreviousReference } } {
  const report = parseReport(text, options);
  const previous = previousOf(report);
  return previous ? { diagnostics: report.diagnostics, followed: { report, previous } } : { diagnostics: report.diagnostics };
}

function countKinds(t: OutlineTopic): string {
  const counts = new Map<LinkKind, number>();
  for (const l of t.links) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => kindCountWords(k, n));
  if (t.actions.length) parts.push(`${t.actions.length} action${t.actions.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** `--fix`: the diagnostics' fixes applied to the file, said on stderr; the new text, or undefined when none applied. */
function fixFile(file: string, text: string, diagnostics: readonly Diagnostic[], io: { err: (s: string) => void }): string | undefined {
  if (file === '-') throw new UsageError('--fix needs a file to write, not standard input');
  const fixed = applyFixes(
    text,
    diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])),
  );
  if (fixed.applied === 0) return undefined;
  // an edit saved while Midcycle ran is never overwritten; a draft kept through a symlink stays one
  writeAtomically(file, fixed.text, { expected: text, throughLink: true });
  io.err(`midcycle: fixed ${fixed.applied} problem${fixed.applied === 1 ? '' : 's'} in ${file}`);
  return fixed.text;
}

function check(
  found: readonly Diagnostic[],
  file: string,
  text: string,
  options: ReportOptions,
  flags: { json: boolean; fix: boolean },
  io: { out: (s: string) => void; err: (s: string) => void },
  more?: (report: Report) => Diagnostic[],
): number {
  let diagnostics = found;
  if (flags.fix) {
    const fixed = fixFile(file, text, diagnostics, io);
    if (fixed !== undefined) {
      const report = parseReport(fixed, options);
      diagnostics = more ? [...report.diagnostics, ...more(report)].sort((a, b) => a.range.start.line - b.range.start.line) : report.diagnostics;
    }
  }
  diagnostics = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (flags.json) io.out(jsonText(diagnostics.map(diagnosticJson)));
  else {
    // one write for all the lines (hundreds on a large draft, each write a trip through the stream)
    const lines = diagnostics.map((d) => {
      const j = diagnosticJson(d);
      return `${file}:${j.line}:${j.column} ${j.severity} ${j.code} ${j.message}`;
    });
    if (lines.length) io.out(lines.join('\n'));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const fixable = diagnostics.filter((d) => d.fix).length;
    if (diagnostics.length)
      io.err(
        `${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} other problem${diagnostics.length - errors === 1 ? '' : 's'}${fixable ? `; ${fixable} fixable with --fix` : ''}`,
      );
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function exportCommand(
  report: Report,
  file: string,
  values: {
    format?: string;
    output?: string;
    nesting?: string;
    font?: string;
    force?: boolean;
    from?: string;
    'line-breaks'?: string;
    'action-summary'?: boolean;
  },
  io: { out: (s: string) => void; err: (s: string) => void },
  linkNotes?: LinkNotes,
): number {
  const format = values.format ?? 'html';
  if (format !== 'html' && format !== 'text' && format !== 'eml') throw new UsageError(`unknown format "${format}" (html, text or eml)`);
  const nesting = values.nesting ?? 'gmail';
  if (nesting !== 'gmail' && nesting !== 'standard') throw new UsageError(`unknown nesting "${nesting}" (gmail or standard)`);
  if (values.from !== undefined && format !== 'eml') throw new UsageError('--from is for --format eml');
  const lineBreaks = values['line-breaks'] ?? 'auto';
  if (!isLineBreaks(lineBreaks)) throw new UsageError(`unknown line breaks "${lineBreaks}" (${LINE_BREAKS.join(', ')})`);
  const style = { listNesting: nesting as ListNesting, font: values.font, lineBreaks, linkNotes, actionSummary: values['action-summary'] === true };
  let email: string;
  if (format === 'eml') {
    const message = mailExport().messageFile(report, { ...style, from: values.from });
    email = message.eml;
    // what the headers lack or could not take, with the draft's own header problems: as check prints them
    const problems = [...report.diagnostics.filter((d) => d.code.startsWith('header-')), ...message.diagnostics].sort(
      (a, b) => a.range.start.line - b.range.start.line,
    );
    for (const d of problems) {
      const j = diagnosticJson(d);
      io.err(`${file}:${j.line}:${j.column} ${j.severity} ${j.code} ${j.message}`);
    }
  } else email = format === 'html' ? exportEmail(report, style) : exportText(report, style);
  if (values.output !== undefined && values.output !== '-') {
    refuseToReplace(values.output, values.force);
    writeAtomically(values.output, email);
  } else io.out(email.replace(/\n$/, ''));
  return 0;
}

/** A file (or a symlink, dangling or not, or anything else) at `-o` is the writer's: replaced only when they say so. */
function refuseToReplace(output: string, force: boolean | undefined): void {
  if (output === '') throw new UsageError('-o needs a file name (or - for standard output)');
  if (!force && somethingAt(output)) throw new Error(`${output} exists already: use --force to replace it, or -o another file`);
}

/**
 * JSON as printed: JSON.stringify escapes C0 controls but leaves DEL and C1 (U+0080–U+009F, which
 * some terminals run as commands) as they are; escaped too, the value read back is the same.
 */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The name to call the input by when it is a sent email rather than a Markdown draft (an .eml or
 * .html file; standard input or a file of no known kind that holds a message's headers or an HTML
 * page), else undefined. A draft may start with HTML of its own (`<!-- notes -->`): its content alone
 * never makes a .md file an email.
 */
function emailNotDraft(file: string, text: string): string | undefined {
  const name = file === '-' ? 'standard input' : file;
  if (/\.(eml|mbox|html?|xhtml)$/i.test(file)) return name;
  if (/\.(md|markdown|mdown|mkd|txt|text|rst)$/i.test(file)) return undefined;
  const end = text.search(/\r?\n\r?\n/);
  const head = `${text.slice(0, end).replace(/\r/g, '')}\n`;
  const message =
    end > 0 && /^(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\n(?:[ \t][^\n]*\n)*)+$/.test(head) && /^(?:mime-version|content-type|message-id|received):/im.test(head);
  return message || /^\s*<(?:!doctype\s+html|html[\s>])/i.test(text) ? name : undefined;
}

async function importCommand(
  raw: string,
  file: string,
  values: { output?: string; force?: boolean; text?: boolean; notes?: boolean; timeout?: string },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  try {
    if (values.timeout !== undefined) throw new UsageError("--timeout is for --online, or an import from a pad's address");
    const { markdown, reading } = await mailImport().importMessage(raw, file === '-' ? '' : path.basename(file), {
      text: values.text === true,
      notes: values.notes === true,
    });
    writeDraft(markdown, file === '-' ? 'standard input' : file, reading, values, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`midcycle: ${e.message} (see midcycle --help)`);
      return 2;
    }
    io.err(`midcycle: ${(e as Error).message}`);
    return 2;
  }
}

/**
 * `import PAD-URL`: the pad's text read from its text export on an etherpad host (the defaults and
 * --etherpad-host), politely (the link facts client's time-out, size cap and redirect rules), made
 * a draft. The writer's own request: nothing is asked. A pad that cannot be read says why in one line.
 */
async function padImportCommand(
  address: string,
  etherpadHosts: readonly string[],
  values: { output?: string; force?: boolean; text?: boolean; notes?: boolean; timeout?: string },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  try {
    if (values.text) throw new UsageError("--text is for a file: a pad's address is read as meeting notes");
    const seconds = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!(seconds > 0 && seconds <= 300)) throw new UsageError(`--timeout needs a number of seconds up to 300, not "${values.timeout}"`);
    // before anything is fetched: a file at -o is the writer's
    if (values.output !== undefined && values.output !== '-') refuseToReplace(values.output, values.force);
    const m = mailImport();
    const location = m.padLocation(address, etherpadHosts);
    const text = await m.readPad(location, { fetch, timeoutMs: seconds * 1000, userAgent: linkFactsUserAgent('CLI', 'meeting notes') });
    const { markdown, reading } = m.importMeetingNotes(text, { pad: location.pad });
    writeDraft(markdown, location.pad, reading, values, io);
    return 0;
  } catch (e) {
    io.err(e instanceof UsageError ? `midcycle: ${e.message} (see midcycle --help)` : `midcycle: ${(e as Error).message}`);
    return 2;
  }
}

/** The imported draft to -o (never over a file unless --force) or standard output, and how it was read on stderr. */
function writeDraft(
  markdown: string,
  name: string,
  reading: string,
  values: { output?: string; force?: boolean },
  io: { out: (s: string) => void; err: (s: string) => void },
): void {
  if (values.output !== undefined && values.output !== '-') {
    refuseToReplace(values.output, values.force);
    writeAtomically(values.output, markdown);
    io.err(`midcycle: imported ${name} ${reading} into ${values.output}`);
  } else {
    io.out(markdown.replace(/\n$/, ''));
    io.err(`midcycle: read ${name} ${reading}`);
  }
}

if (require.main === module) {
  // `midcycle outline x | head`: a closed pipe is the reader's choice, not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    stdin: () => fs.readFileSync(0),
  });
  // done: exit once what was written has gone out, rather than wait while the event loop runs the
  // garbage collector's leftover work on a heap that is about to go (~15 ms after a large check)
  const exit = (c: number) => {
    process.exitCode = c;
    let open = 2;
    const flushed = () => {
      if (--open === 0) process.exit(c);
    };
    process.stdout.write('', flushed);
    process.stderr.write('', flushed);
  };
  if (typeof code === 'number') exit(code);
  else void code.then(exit);
}

/** `1 topic`, `2 topics`: a count in the words of a line. */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The command and its FILE, and the flags that belong to one command only checked against it; a UsageError otherwise. */
function commandOf(positionals: string[], values: { text?: boolean; notes?: boolean; 'action-summary'?: boolean }): { command: string; file: string } {
  const [command, file, ...extra] = positionals;
  if (!command) throw new UsageError('no command given (outline, check, export or import)');
  if (!['outline', 'check', 'export', 'import'].includes(command)) throw new UsageError(`unknown command "${command}" (outline, check, export or import)`);
  if (!file) throw new UsageError(`${command} needs a FILE`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (values.text && values.notes) throw new UsageError('--text and --notes are two readings: give one');
  if ((values.text || values.notes) && command !== 'import') throw new UsageError(`--${values.text ? 'text' : 'notes'} is for import`);
  if (values['action-summary'] && command !== 'export') throw new UsageError('--action-summary is for export');
  return { command, file };
}

/** The hosts of each tracker: the defaults and the `--*-host` flags; the short references' repository and Jira projects. */
function linkHostsOf(values: {
  'gerrit-host'?: string[];
  'etherpad-host'?: string[];
  'storyboard-host'?: string[];
  'gitlab-host'?: string[];
  'jira-host'?: string[];
  repository?: string;
  'jira-project'?: string[];
}): LinkHosts {
  const lower = (flag: string[] | undefined) => (flag ?? []).map((h) => h.toLowerCase());
  const hosts: LinkHosts = {
    gerrit: [...DEFAULT_LINK_HOSTS.gerrit, ...lower(values['gerrit-host'])],
    etherpad: [...DEFAULT_LINK_HOSTS.etherpad, ...lower(values['etherpad-host'])],
    storyboard: [...DEFAULT_LINK_HOSTS.storyboard, ...lower(values['storyboard-host'])],
    gitlab: [...(DEFAULT_LINK_HOSTS.gitlab ?? []), ...lower(values['gitlab-host'])],
    jira: [...(DEFAULT_LINK_HOSTS.jira ?? []), ...lower(values['jira-host'])],
  };
  const references = shortReferences(values.repository, values['jira-project']);
  if (references) hosts.references = references;
  return hosts;
}
