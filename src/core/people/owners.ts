// Who can own an action item: a person (an IRC nick such as "armax", "carl_baldwin", "TheJulia" or
// "sean-k-mooney"; a name such as "Richard" or "Miguel Lavalle"), a team ("neutron team",
// "tripleo-ci-core"), a role (PTL, TC), or anyone the report names as a person elsewhere (its
// attendees, names in bold, owners of marked items). Not a common English word ("patches",
// "volunteer", "maintainers", "them") and not the name of a project or a tool ("nova", "devstack"),
// whatever starts the clause.
import { englishWords, firstNames } from './englishWordsBundle';

/** A word of the dictionary; any word while the dictionary is not here yet (VS Code for the Web fetching it), so that none is taken for a person. */
export function isCommonWord(word: string): boolean {
  return englishWords()?.has(word.toLowerCase()) ?? true;
}

/**
 * Projects, services, tools, releases, distributions, days, months and meeting places of the world
 * these reports are written in: the subject of many a clause ("nova to call placement", "devstack
 * to deploy…") or a date or place in parentheses, never an owner by itself ("neutron team" is
 * one). Words the dictionary has already ("glance", "swift", "heat", "may") need not be here.
 */
/**
 * Verbs of the trade that the dictionary lacks: the start of a task ("mriedem to rebase the
 * series"), never an owner ("Rebase to master is needed").
 */
export const TECH_VERBS = `rebase respin triage refactor backport recheck resize reimage retest rerun revert squash
  cherry-pick bump unblock untangle deprecate`;

const PROJECTS = new Set(
  `nova neutron cinder keystone ironic octavia manila designate barbican magnum kolla tripleo devstack grenade tempest
  zuul oslo placement cyborg blazar masakari trove senlin zaqar aodh ceilometer gnocchi panko mistral murano sahara
  karbor searchlight vitrage monasca cloudkitty qinling tacker storlets adjutant openstackclient osc ovn ovs dvr ml2
  linuxbridge macvtap sriov sr-iov ipa dib bifrost metalsmith kayobe loci airship starlingx zun skyline sunbeam pbr reno
  tox stestr flake8 pep8 python python3 py3 py27 py36 py38 infra opendev gerrit launchpad storyboard etherpad github gitlab
  kubernetes k8s podman ansible openstack-ansible openstack-helm libvirt qemu kvm xen vmware hyperv powervm ceph nfs iscsi
  lvm rabbitmq mysql mariadb postgresql sqlalchemy alembic eventlet keystoneauth keystoneauth1 keystonemiddleware cloud-init
  os-vif os-brick os-traits os-ken novaclient neutronclient ironicclient cinderclient glanceclient networking-ovn
  networking-sfc networking-bgpvpn neutron-lib neutron-fwaas neutron-dynamic-routing ironic-inspector ironic-python-agent
  virtualbmc pyghmi sushy redfish idrac ilo irmc ucs openstack devstack-gate bluejeans zoom jitsi meetpad wsgi uwsgi apache
  nginx haproxy keepalived grafana elasticsearch logstash kibana opensearch prometheus swagger tls ssl http https ipv4
  ipv6 api apis cli gui ci qa ptg ml irc rfe rfes spec specs bp bps lp otc plugin plugins config configs backend backends
  frontend repo repos webhook webhooks changelog readme todo todos dev devs ops devops sdk sdks
  austin bexar cactus diablo essex folsom grizzly havana icehouse juno kilo liberty mitaka newton ocata pike queens rocky
  stein train ussuri victoria wallaby xena yoga zed antelope bobcat caracal dalmatian epoxy flamingo gazpacho hibiscus
  openstacksdk castellan tooz taskflow stevedore cliff futurist osprofiler oslotest hacking bandit jenkins gerritbot
  ubuntu debian centos fedora rhel opensuse suse alpine jammy focal bionic noble xenial trusty bookworm bullseye buster
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december berlin boston vancouver denver shanghai barcelona tokyo sydney paris atlanta dublin
  portland hongkong seoul beijing bangalore brno prague raleigh sunnyvale
  ${TECH_VERBS}`.split(/\s+/),
);

/** A project, tool, release, day, month or place of the trade ("Neutron", "Zuul", "Denver"): no one, however written. */
export function isProjectWord(word: string): boolean {
  return PROJECTS.has(word.toLowerCase());
}

/** Team and role words that make a team of the word before them ("release team", "nova cores"). */
const TEAM_WORDS = /^(?:team|subteam|sub-team|cores?|core-team|reviewers|sig|squad|folks|maintainers|liaisons?|ptl|drivers)$/i;

/** Roles that own work on their own. */
const ROLES = new Set(['PTL', 'TC', 'PTLs']);

/** Words that cannot qualify a team: "the team to decide", "too many team meetings" name no one. */
const NOT_TEAM_HEADS = new Set(
  `the a an our your their his her its this that these those whole entire every each some any other all no both either
  neither such own core main too many much more most few several same new old big small large whole next last first`.split(/\s+/),
);

/** Particles of names: "Jan van der Berg", "Maria de la Cruz". */
const NAME_PARTICLES = new Set('van von der den de del della da di la le du dos bin al'.split(' '));

/** Words of thanks and welcome: "Congrats to alex_xu", "Shoutout to melwitt" name no owner. */
const THANKS = new Set('congrats congratulations kudos shoutout shout-out thanks thank props welcome cheers farewell goodbye hello hi hats'.split(' '));

/** "Me", "I": the writer, who owns work with others ("Miguel and me will…") but is no one to list. */
export const WRITER_WORDS = new Set(['me', 'i', 'myself']);

/** Everyone at the meeting: "Everyone to read the doc". */
const EVERYONE = new Set(['everyone', 'everybody']);

/** Words that name no one even after a marker: "ACTION: The docs to be …", "AI: someone to look". */
const NO_OWNER_WORDS = new Set(
  `the a an this that these those it its we they he she you i our their his her my your some any no someone somebody anyone
  anybody nobody none each every there here then also please if when once otherwise maybe perhaps`.split(/\s+/),
);

/** A version, a Python or an IP version, a region: digits that do not make a nick. */
const TECHNICAL_TOKEN = /^(?:v?\d|py\d|python\d|ipv\d|ml\d|s3$|ec2$|k8s$|x86|arm\d|amd\d|i\d86|utf-?\d|sha\d|md5|http\d|h\d$|l\d$|rc\d)/i;

// IRC allows `[` first too, but in a draft that is Markdown's bracket
const NICK = /^[A-Za-z_][\w\-\\[\]^{}|`.]*$/;

/**
 * The owner this text names, as written (trimmed, without an `@`), or undefined when it is no one
 * that can own a task. `known` holds the report's own people, lower case.
 */
export function ownerName(text: string, known: ReadonlySet<string> = NO_ONE): string | undefined {
  // most are a nick or a name as it is: no space, @ or punctuation to take off
  const name = /^[\s@]|[\s.,;:!?]$/.test(text)
    ? text
        .trim()
        .replace(/^@/, '')
        .replace(/[.,;:!?]+$/, '')
    : text;
  if (!name || name.length > 60) return undefined;
  if (known.has(name.toLowerCase()) || EVERYONE.has(name.toLowerCase())) return name;
  // "@bob": a handle is someone, whatever word it spells
  if (text.trimStart().startsWith('@') && NICK.test(name) && !/\s/.test(name)) return name;
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    const words = name.split(/\s+/);
    verdict = words.length === 1 ? isPersonToken(name) : words.length <= 4 && (isTeam(words) || isFullName(words));
    // a verdict reached without the dictionary is not kept: the draft is read again when it comes
    if (englishWords()) verdicts.set(name, verdict);
  }
  return verdict ? name : undefined;
}

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * The owner an explicit marker names ("Action: Matt to…", "AI: AB & Ned to…", "[ ] @bob …", under an
 * "Action items" heading): whoever ownerName takes, and besides a first name ("Matt", "Mark"), a
 * capitalised word the report uses as a name, initials ("AB"), each whatever word it also spells;
 * not a word that names no one ("The", "Someone").
 */
export function markedOwnerName(text: string, known: ReadonlySet<string> = NO_ONE): string | undefined {
  const name = ownerName(text, known);
  if (name) return name;
  const words = text.trim().split(/\s+/);
  if (words.length > 3 || NO_OWNER_WORDS.has(words[0].toLowerCase())) return undefined;
  // "Mark Wood", "AB": every word a name's or an initial's
  return words.every((w) => isFirstName(w) || /^[A-Z]{2,4}$/.test(w) || (words.length > 1 && /^[A-Z][a-z'’-]+$/.test(w))) ? words.join(' ') : undefined;
}

/** A capitalised first name ("Mark", "Devlin"); none while the web is still fetching the list. */
export function isFirstName(word: string): boolean {
  return firstNames()?.has(word) ?? false;
}

/**
 * Whether each text weighed lately names someone by the rules alone (a report's own people are
 * looked up before): the same names and words come back in every sentence and every parse. Held
 * for the process; dropped whole when it reaches MAX_VERDICTS entries.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

function isPersonToken(word: string): boolean {
  if (ROLES.has(word)) return true;
  if (!NICK.test(word) || word.length < 2) return false;
  const lower = word.toLowerCase();
  if (PROJECTS.has(lower) || WRITER_WORDS.has(lower) || THANKS.has(lower)) return false;
  // "tripleo-ci-core", "nova-core": a team
  if (/-(?:core|cores|team|drivers|ptl|sig)$/i.test(word)) return true;
  // an acronym (OVN, API, CI) is a thing; "oslo.config", "e.g" and "JsDiff.diffArrays" too
  if (/^[A-Z0-9]+s?$/.test(word) || word.includes('.')) return false;
  if (TECHNICAL_TOKEN.test(word)) return false;
  // digits at a nick's end ("xyang1"), not inside a word ("base64url", "utf8mb4")
  if (/\d/.test(word) && !/^[A-Za-z][A-Za-z_\-|`^]*\d+[_|`^]*$/.test(word)) return false;
  // an identifier: "setTimeout", "GlobOptions", "MemoryHfsImpl"; not "TheJulia" or "JayF"
  if (/^[a-z]+[A-Z][a-z]/.test(word) || isIdentifier(word)) return false;
  // the marks of a nick: digits, IRC punctuation, an inner capital
  if (/[\d_\\^{}|`]/.test(word) || /[a-z][A-Z]/.test(word)) return !PROJECTS.has(lower.replace(/[\d_]+$/, ''));
  if (word.includes('-')) {
    // "sean-k-mooney", "whoami-rajat"; not "cloud-init", "end-to-end", "neutron-lib", "eslint-plugin"
    const parts = lower.split('-');
    return !parts.some((p) => PROJECTS.has(p) || (p.length >= 3 && isCommonWord(p))) && !isCommonWord(lower);
  }
  // not a word, nor two words run together ("fallback", "healthcheck", "overcloud")
  return !isCommonWord(lower) && !isCompound(lower);
}

/** Whether a word is two common words of four letters or more: "fallback", "healthcheck". */
function isCompound(word: string): boolean {
  for (let i = 4; i <= word.length - 4; i++) if (isCommonWord(word.slice(0, i)) && isCommonWord(word.slice(i))) return true;
  return false;
}

/** PascalCase of three humps, or of two whose last is a word: "MemoryHfsImpl", "GlobOptions". */
function isIdentifier(word: string): boolean {
  const humps = word.match(/[A-Z][a-z]+/g) ?? [];
  if (humps.join('') !== word) return false;
  return humps.length >= 3 || (humps.length === 2 && humps[1].length >= 3 && isCommonWord(humps[1]));
}

/**
 * Whether a bold word or name may be a person the report names ("**rloo**", "**Miguel Lavalle**"),
 * not an emphasised word ("**not**", "**Note**", "**NOT**") or a project ("**OVN**").
 */
export function mayBePerson(text: string): boolean {
  if (/^[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}$/.test(text)) return !text.split(' ').some((w) => PROJECTS.has(w.toLowerCase()));
  if (!/^@?[A-Za-z_][\w\-[\]\\^{}|`]{1,31}$/.test(text) || /^[A-Z0-9]+s?$/.test(text) || PROJECTS.has(text.toLowerCase())) return false;
  // a word in bold is emphasis ("**Note**", "**not**"), a nick or a name is not one
  return !isCommonWord(text);
}

/** "neutron team", "the release team", "nova cores", "QA core reviewers". */
function isTeam(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (!TEAM_WORDS.test(last) && !/^core$/i.test(last)) return false;
  const head = words.slice(words[0].toLowerCase() === 'the' ? 1 : 0, -1).filter((w) => !TEAM_WORDS.test(w));
  if (head.length === 0 || head.length > 2 || !head.every((w) => !NOT_TEAM_HEADS.has(w.toLowerCase()) && /^[\w.-]+$/.test(w))) return false;
  // "release team", "neutron stable team": a second word qualifies a project's or an acronym's team
  return head.length === 1 || PROJECTS.has(head[0].toLowerCase()) || /^[A-Z]{2,}$/.test(head[0]);
}

/** "Miguel Lavalle", "Matt Riedemann", "LIU Yulong", "Jan van der Berg": capitalised words that end in a name. */
function isFullName(words: readonly string[]): boolean {
  if (words.some((w) => PROJECTS.has(w.toLowerCase()))) return false;
  // "Lavalle", "McClain", "O'Brien", "Smith-Jones"; not "DevOps" or "AbortController"
  const capitalised = (w: string) => /^(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$/.test(w);
  const names = words.filter((w) => !NAME_PARTICLES.has(w));
  // a family name in capitals comes first in some ("LIU Yulong")
  if (names.length < 2 || !words.every((w, i) => NAME_PARTICLES.has(w) || capitalised(w) || (i === 0 && /^[A-Z]{2,}$/.test(w)))) return false;
  if (!capitalised(names[names.length - 1])) return false;
  // "Suggesting TheJulia", "Agreed Rodolfo": a verb or a word of the sentence before a name
  if (names.slice(0, -1).some((w) => NOT_TEAM_HEADS.has(w.toLowerCase()) || (/(?:ing|ed|ly)$/.test(w) && isCommonWord(w)))) return false;
  // "Otherwise Erik", "Then Mara": a word of the sentence, not a first name, before a name
  if (isCommonWord(names[0]) && !isFirstName(names[0]) && !/^[A-Z]{2,}$/.test(names[0])) return false;
  // a surname is not a common word ("Review Process", "Live Migration" are not people); the report's
  // own people are known by the caller
  return !isCommonWord(names[names.length - 1]);
}
