// The Report Topics tree as plain data: topics with their sub-topics, links and action items in
// document order, then "Action items by owner" and "Links by kind". No `vscode` here, so the tree's
// shape and wording are tested in plain Node; TopicTreeProvider turns these into TreeItems. Its
// words go through @vscode/l10n (configured at activation: localization.ts).
import * as l10n from '@vscode/l10n';
import {
  LINK_KINDS,
  linkLabel,
  reviewStatuses,
  statusWords,
  type ActionItem,
  type FactsResult,
  type Link,
  type LinkKind,
  type Range,
  type Report,
  type Topic,
} from '../core';
import { LIST_MARKER } from '../core/model/listMarker';
import { escapeMarkdown, factsMarkdown } from './markdownText';

export { escapeMarkdown, factsMarkdown } from './markdownText';

interface NodeBase {
  id: string;
  parent?: TopicNode;
}
export interface TopicItemNode extends NodeBase {
  type: 'topic';
  topic: Topic;
  children: TopicNode[];
}
export interface LinkNode extends NodeBase {
  type: 'link';
  link: Link;
  children: [];
}
export interface ActionNode extends NodeBase {
  type: 'action';
  action: ActionItem;
  children: [];
}
export interface OwnerNode extends NodeBase {
  type: 'owner';
  owner: string;
  children: ActionNode[];
}
export interface KindNode extends NodeBase {
  type: 'kind';
  kind: LinkKind;
  children: LinkNode[];
}
/** An action item of the last report, as the draft follows it up. */
export interface FollowUpNode extends NodeBase {
  type: 'followUp';
  shown: FollowUpShown;
  children: [];
}
export interface GroupNode extends NodeBase {
  type: 'group';
  group: 'owners' | 'kinds' | 'followUps';
  /** The report's action items (owners), links (kinds), or the last report's items (follow-ups) the group's children are made of. */
  items: readonly ActionItem[] | readonly Link[] | readonly FollowUpShown[];
  /** The follow-ups group's words, as their bundle made them. */
  words?: NodePresentation;
  children: (OwnerNode | KindNode | FollowUpNode)[];
}
export type TopicNode = TopicItemNode | LinkNode | ActionNode | OwnerNode | KindNode | GroupNode | FollowUpNode;

/**
 * A draft's last report (its front matter's `previous:`) as the tree shows it, presented where the
 * follow-ups are worked out (their bundle, followUpsService.ts): this module only places it.
 */
export interface LastReportShown {
  group: NodePresentation;
  items: readonly FollowUpShown[];
}

/** One follow-up as the tree shows it, and where a click on it goes (the last report, at the item). */
export interface FollowUpShown {
  /** Says all it shows: a node whose key is the same shows the same. */
  key: string;
  presentation: NodePresentation;
  /** A URI, as a string. */
  target: string;
  range: Range;
}

// words, not tables of them: a module's tables are made when it loads, before the strings are configured

/** "1 review", "3 bugs". */
function kindCount(kind: LinkKind, n: number): string {
  switch (kind) {
    case 'review':
      return n === 1 ? l10n.t('1 review') : l10n.t('{0} reviews', n);
    case 'bug':
      return n === 1 ? l10n.t('1 bug') : l10n.t('{0} bugs', n);
    case 'blueprint':
      return n === 1 ? l10n.t('1 blueprint') : l10n.t('{0} blueprints', n);
    case 'story':
      return n === 1 ? l10n.t('1 story') : l10n.t('{0} stories', n);
    case 'etherpad':
      return n === 1 ? l10n.t('1 etherpad') : l10n.t('{0} etherpads', n);
    case 'pull-request':
      return n === 1 ? l10n.t('1 pull request') : l10n.t('{0} pull requests', n);
    case 'merge-request':
      return n === 1 ? l10n.t('1 merge request') : l10n.t('{0} merge requests', n);
    case 'issue':
      return n === 1 ? l10n.t('1 issue') : l10n.t('{0} issues', n);
    case 'task':
      return n === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', n);
    case 'commit':
      return n === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', n);
    case 'discussion':
      return n === 1 ? l10n.t('1 discussion') : l10n.t('{0} discussions', n);
    case 'other':
      return n === 1 ? l10n.t('1 link') : l10n.t('{0} links', n);
  }
}

function kindTitle(kind: LinkKind): string {
  switch (kind) {
    case 'review':
      return l10n.t('Reviews');
    case 'bug':
      return l10n.t('Bugs');
    case 'blueprint':
      return l10n.t('Blueprints');
    case 'story':
      return l10n.t('Stories');
    case 'etherpad':
      return l10n.t('Etherpads');
    case 'pull-request':
      return l10n.t('Pull requests');
    case 'merge-request':
      return l10n.t('Merge requests');
    case 'issue':
      return l10n.t('Issues');
    case 'task':
      return l10n.t('Tasks');
    case 'commit':
      return l10n.t('Commits');
    case 'discussion':
      return l10n.t('Discussions');
    case 'other':
      return l10n.t('Other links');
  }
}

/**
 * The roots of the tree for one report. Ids start with `scope` (the document's URI) and name a
 * topic by its title among its siblings' ("Stadium", the second "Stadium" is "Stadium#2"), not by
 * its place: VS Code keeps a node's expanded state by id, so a topic stays open while the writer
 * edits or moves it, and another draft's topics in the same places do not open with it. The two
 * groups are `<scope>#owners` and `<scope>#kinds`: no topic's id (`<scope>|<title>`) can be theirs.
 */
export function buildTopicNodes(report: Report, scope = '', last?: LastReportShown): TopicNode[] {
  const roots: TopicNode[] = topicNodes(report.topics, `${scope}|`);
  // the next meeting starts by reviewing the last one's action items: they come first
  if (last) roots.unshift(followUpsGroup(last, scope));
  if (report.actions.length) roots.push(ownersGroup(report.actions, scope));
  if (report.links.length) roots.push(kindsGroup(report.links, scope));
  return roots;
}

function topicNodes(topics: readonly Topic[], prefix: string, parent?: TopicNode): TopicItemNode[] {
  const seen = new Map<string, number>();
  return topics.map((t) => {
    const n = (seen.get(t.title) ?? 0) + 1;
    seen.set(t.title, n);
    return topicNode(t, `${prefix}${t.title.replace(/[/#]/g, '\\$&')}${n > 1 ? `#${n}` : ''}`, parent);
  });
}

function topicNode(topic: Topic, id: string, parent?: TopicNode): TopicItemNode {
  const node = { type: 'topic', id, topic, parent } as TopicItemNode;
  return lazyChildren(node, () =>
    [
      ...topicNodes(node.topic.children, `${id}/`, node),
      ...node.topic.links.map((link, i): LinkNode => ({ type: 'link', id: `${id}:l${i}`, link, children: [], parent: node })),
      ...node.topic.actions.map((action, i): ActionNode => ({ type: 'action', id: `${id}:a${i}`, action, children: [], parent: node })),
    ].sort((a, b) => compareRanges(nodeRange(a), nodeRange(b))),
  );
}

/**
 * Children made when first asked for: the tree asks only for what is expanded, and the view
 * re-reads a draft's roots on every edit (2000 topics with 6000 links made whole each time was
 * most of the editor's wait after a keystroke: bench/RESULTS-editor.md).
 */
const madeChildren = new WeakMap<TopicNode, TopicNode[]>();
function lazyChildren<N extends TopicNode>(node: N, make: () => TopicNode[]): N {
  Object.defineProperty(node, 'children', {
    get: () => {
      let children = madeChildren.get(node);
      if (!children) madeChildren.set(node, (children = make()));
      return children;
    },
    enumerable: true,
  });
  return node;
}

/**
 * Gives a node the view already holds (VS Code keeps node objects as its handles) what the same
 * node of a newer build of the tree holds: its topic, or its group's items. Its children are made
 * again when next asked for. Only the tree provider calls this, on nodes it handed out itself.
 */
export function renewNode(held: TopicNode, fresh: TopicNode): void {
  if (held.type === 'topic' && fresh.type === 'topic') held.topic = fresh.topic;
  else if (held.type === 'group' && fresh.type === 'group') {
    held.items = fresh.items;
    held.words = fresh.words;
  }
  madeChildren.delete(held);
}

function ownersGroup(actions: readonly ActionItem[], scope: string): GroupNode {
  const group = { type: 'group', id: `${scope}#owners`, group: 'owners', items: actions } as GroupNode;
  return lazyChildren(group, () => ownerNodes(group));
}

function ownerNodes(group: GroupNode): OwnerNode[] {
  // owners that differ only in case ("Armax", "armax") are one person, under the first spelling
  const byOwner = new Map<string, ActionItem[]>();
  const spelt = new Map<string, string>();
  for (const a of group.items as readonly ActionItem[]) {
    const key = a.owner.toLowerCase();
    if (!spelt.has(key)) spelt.set(key, a.owner);
    const owner = spelt.get(key)!;
    const list = byOwner.get(owner);
    if (list) list.push(a);
    else byOwner.set(owner, [a]);
  }
  const owners = [...byOwner.keys()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  return owners.map((owner) => {
    const node: OwnerNode = { type: 'owner', id: `${group.id}/${owner}`, owner, children: [], parent: group };
    node.children = byOwner.get(owner)!.map((action, i) => ({ type: 'action', id: `${node.id}/${i}`, action, children: [], parent: node }));
    return node;
  });
}

function followUpsGroup(last: LastReportShown, scope: string): GroupNode {
  const group = { type: 'group', id: `${scope}#followUps`, group: 'followUps', items: last.items, words: last.group } as GroupNode;
  return lazyChildren(group, () =>
    last.items.map((shown, i): FollowUpNode => ({ type: 'followUp', id: `${group.id}/${i}`, shown, children: [], parent: group })),
  );
}

function kindsGroup(links: readonly Link[], scope: string): GroupNode {
  const group = { type: 'group', id: `${scope}#kinds`, group: 'kinds', items: links } as GroupNode;
  return lazyChildren(group, () => kindNodes(group));
}

function kindNodes(group: GroupNode): KindNode[] {
  const links = group.items as readonly Link[];
  const out: KindNode[] = [];
  for (const kind of LINK_KINDS) {
    const ofKind = links.filter((l) => l.kind === kind);
    if (!ofKind.length) continue;
    const node: KindNode = { type: 'kind', id: `${group.id}/${kind}`, kind, children: [], parent: group };
    node.children = ofKind.map((link, i) => ({ type: 'link', id: `${node.id}/${i}`, link, children: [], parent: node }));
    out.push(node);
  }
  return out;
}

/**
 * Whether a root node of one report shows just what the same node of another shows, itself and
 * all below it: a topic with the same lines at the same place (its links' problems and action
 * items come from those lines alone), or a group of the same items. Cheap: a slice of each text.
 */
export function sameNode(a: TopicNode, aReport: Report, b: TopicNode, bReport: Report): boolean {
  if (a.type === 'topic' && b.type === 'topic') return sameTopic(a.topic, aReport, b.topic, bReport);
  if (a.type === 'group' && b.type === 'group')
    return a.items.length === b.items.length && a.items.every((item, i) => sameItem(item, b.items[i])) && a.words?.description === b.words?.description;
  return false;
}

/** A topic of one report that reads as a topic of another: the same lines at the same place. */
export function sameTopic(a: Topic, aReport: Report, b: Topic, bReport: Report): boolean {
  const [x, y] = [a.range, b.range];
  if (x.start.line !== y.start.line || x.end.line !== y.end.line || x.end.character !== y.end.character) return false;
  return sourceOf(aReport, x) === sourceOf(bReport, y);
}

function sourceOf(report: Report, range: Range): string {
  const lines = report.parse.lines;
  return report.parse.source.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Two action items, links or follow-ups that a group shows alike: same words, same place. */
function sameItem(a: ActionItem | Link | FollowUpShown, b: ActionItem | Link | FollowUpShown): boolean {
  // (a group's items are all of one kind)
  if ('key' in a) return a.key === (b as FollowUpShown).key;
  const same = a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  if ('owner' in a && 'owner' in b) return same && a.owner === b.owner && a.text === b.text && a.done === b.done;
  if ('url' in a && 'url' in b) return same && a.url === b.url && a.problem?.message === b.problem?.message;
  return false;
}

/** The source range a node stands for, when it stands for one. */
export function nodeRange(node: TopicNode): Range | undefined {
  switch (node.type) {
    case 'topic':
      return node.topic.range;
    case 'link':
      return node.link.range;
    case 'action':
      return node.action.range;
    case 'followUp':
      // in the last report, not in the draft the tree shows
      return node.shown.range;
    default:
      return undefined;
  }
}

/**
 * Where a click puts the cursor, as the Outline does: at the start of a topic's title (after its
 * list marker, task box or `#`s), of a link's URL, of an action item's words. An empty range: a
 * click never selects text that the next keystroke would replace.
 */
export function nodeSelection(node: TopicNode, lineText?: (line: number) => string): Range | undefined {
  const range = node.type === 'topic' ? node.topic.selectionRange : nodeRange(node);
  if (!range) return undefined;
  let at = range.start;
  if (node.type === 'topic' && lineText) {
    const line = lineText(at.line);
    at = { line: at.line, character: Math.max(at.character, TITLE_START.exec(line)?.[0].length ?? 0) };
  }
  return { start: at, end: at };
}

/** What stands before a topic's title on its line: indentation, a list marker and task box, or a heading's `#`s. */
const TITLE_START = new RegExp(String.raw`^\s*(?:${LIST_MARKER}\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)`);

function compareRanges(a: Range | undefined, b: Range | undefined): number {
  if (!a || !b) return 0;
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * The deepest node of the topic hierarchy at a position: what the tree selects when the cursor
 * moves. A link or action item wins over its topic when the cursor is on it.
 */
export function nodeAt(roots: readonly TopicNode[], line: number, character = 0): TopicNode | undefined {
  const contains = (r: Range | undefined) =>
    !!r &&
    (line > r.start.line || (line === r.start.line && character >= r.start.character)) &&
    (line < r.end.line || (line === r.end.line && character <= r.end.character));
  const onLine = (r: Range | undefined) => !!r && line >= r.start.line && line <= r.end.line;
  let found: TopicNode | undefined;
  let level: readonly TopicNode[] = roots.filter((r) => r.type === 'topic');
  for (;;) {
    const hit = level.find((n) => (n.type === 'topic' ? onLine(nodeRange(n)) : contains(nodeRange(n))));
    if (!hit) return found;
    found = hit;
    level = hit.children;
  }
}

export interface NodePresentation {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id. */
  icon: string;
  /** A theme colour id for the icon, e.g. for a malformed link. */
  iconColor?: string;
  /** For menus' `viewItem == …` clauses. */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
}

const LINK_ICONS: Record<LinkKind, string> = {
  review: 'git-pull-request',
  'pull-request': 'git-pull-request',
  'merge-request': 'git-pull-request',
  bug: 'bug',
  issue: 'issues',
  task: 'checklist',
  blueprint: 'symbol-structure',
  story: 'book',
  commit: 'git-commit',
  discussion: 'comment-discussion',
  etherpad: 'notebook',
  other: 'link',
};

/**
 * Each link's facts (status, title) once the writer lets Midcycle look links up; for a bug, read for
 * the project its link names (the service resolves that).
 */
export type NodeFacts = (link: Link) => FactsResult | undefined;

const STATUS_ICONS: Record<string, [string, string?]> = {
  open: ['git-pull-request'],
  merged: ['git-merge', 'charts.purple'],
  abandoned: ['circle-slash', 'disabledForeground'],
};

export function presentNode(node: TopicNode, factsOf?: NodeFacts): NodePresentation {
  switch (node.type) {
    case 'topic': {
      const t = node.topic;
      const statuses = factsOf ? reviewStatuses(subtreeLinks(t), factsOf) : '';
      const counts = [countsOf(t), statuses].filter(Boolean).join(' · ');
      const full = t.text.trim() && t.text.trim() !== t.title ? `\n\n${escapeMarkdown(t.text.trim())}` : '';
      return {
        label: t.title,
        description: counts || undefined,
        tooltip: l10n.t('**{0}** (line {1})', escapeMarkdown(t.title), t.range.start.line + 1) + full,
        icon: t.kind === 'heading' ? 'symbol-namespace' : t.children.length ? 'list-tree' : 'primitive-dot',
        contextValue: t.kind === 'heading' ? 'heading' : 'topic',
        // collapsed: the whole report fits at a glance; following the cursor expands what it needs
        // (asked of the topic, not of the children: they are made only when the node is expanded)
        collapsible: t.children.length || t.links.length || t.actions.length ? 'collapsed' : 'none',
      };
    }
    case 'link': {
      const l = node.link;
      const result = l.problem ? undefined : factsOf?.(l);
      const presented: NodePresentation = {
        label: linkLabel(l),
        description: linkDescription(l),
        tooltip: `${escapeMarkdown(l.raw)}${l.problem ? `\n\n$(error) ${escapeMarkdown(l.problem.message)}` : ''}`,
        icon: l.problem ? 'error' : LINK_ICONS[l.kind],
        iconColor: l.problem ? 'problemsErrorIcon.foreground' : undefined,
        contextValue: l.problem ? 'link.malformed' : 'link',
        collapsible: 'none',
      };
      if (result?.state === 'not-found') {
        presented.description = [l10n.t('not found'), presented.description].filter(Boolean).join(' · ');
        presented.icon = 'question';
        presented.iconColor = 'problemsWarningIcon.foreground';
      } else if (result?.state === 'found') {
        const status = statusWords(result.facts);
        // the status and the title, in the service's words: plain text in a tree item's description
        presented.description = [status, result.facts.title].filter(Boolean).join(' · ');
        const icon = status && l.kind === 'review' ? STATUS_ICONS[status] : undefined;
        if (icon) [presented.icon, presented.iconColor] = icon;
        presented.tooltip += `\n\n${factsMarkdown(result.facts)}`;
      }
      return presented;
    }
    case 'action': {
      const a = node.action;
      const description = node.parent?.type === 'owner' ? l10n.t('line {0}', a.range.start.line + 1) : a.text;
      return {
        label: node.parent?.type === 'owner' ? a.text : a.owner,
        // a done item reads as done at a glance: its check and its word
        description: a.done ? l10n.t('{0} (done)', description) : description,
        tooltip: a.done
          ? l10n.t('**{0}** to {1} (line {2}), done', escapeMarkdown(a.owner), escapeMarkdown(a.text), a.range.start.line + 1)
          : l10n.t('**{0}** to {1} (line {2})', escapeMarkdown(a.owner), escapeMarkdown(a.text), a.range.start.line + 1),
        icon: a.done ? 'pass' : 'tasklist',
        contextValue: a.done ? 'action.done' : 'action',
        collapsible: 'none',
      };
    }
    case 'followUp':
      return node.shown.presentation;
    case 'owner':
      return { label: node.owner, description: itemCount(node.children.length), icon: 'person', contextValue: 'owner', collapsible: 'collapsed' };
    case 'kind':
      return {
        label: kindTitle(node.kind),
        description: String(node.children.length),
        icon: LINK_ICONS[node.kind],
        contextValue: 'kind',
        collapsible: 'collapsed',
      };
    case 'group':
      if (node.words) return node.words;
      return node.group === 'owners'
        ? {
            label: l10n.t('Action items by owner'),
            description: itemCount(node.items.length),
            icon: 'checklist',
            contextValue: 'group',
            collapsible: 'collapsed',
          }
        : {
            label: l10n.t('Links by kind'),
            description: kindCount('other', node.items.length),
            icon: 'references',
            contextValue: 'group',
            collapsible: 'collapsed',
          };
  }
}

/** What a topic's subtree holds: links by kind, and action items. */
export interface TopicCounts {
  links: Map<LinkKind, number>;
  actions: number;
}

/** "3 reviews · 1 bug · 2 actions", counting the topic's whole subtree. */
export function countsOf(topic: Topic): string {
  const counts: TopicCounts = { links: new Map(), actions: 0 };
  const visit = (t: Topic) => {
    addCounts(counts, ownCounts(t));
    t.children.forEach(visit);
  };
  visit(topic);
  return countsText(counts);
}

/** A topic's own links by kind and action items, its sub-topics' left out. */
export function ownCounts(topic: Topic): TopicCounts {
  const links = new Map<LinkKind, number>();
  for (const l of topic.links) links.set(l.kind, (links.get(l.kind) ?? 0) + 1);
  return { links, actions: topic.actions.length };
}

/** Adds `more` to `counts`. */
export function addCounts(counts: TopicCounts, more: TopicCounts): void {
  for (const [kind, n] of more.links) counts.links.set(kind, (counts.links.get(kind) ?? 0) + n);
  counts.actions += more.actions;
}

export function countsText({ links, actions }: TopicCounts): string {
  const parts = LINK_KINDS.filter((k) => links.get(k)).map((k) => kindCount(k, links.get(k)!));
  if (actions) parts.push(actions === 1 ? l10n.t('1 action') : l10n.t('{0} actions', actions));
  return parts.join(' · ');
}

/** A topic's links and its sub-topics', in document order. */
export function subtreeLinks(topic: Topic): Link[] {
  return [...topic.links, ...topic.children.flatMap(subtreeLinks)];
}

function linkDescription(l: Link): string {
  if (l.review) return [l.review.patchset ? l10n.t('patchset {0}', l.review.patchset) : '', l.review.project ?? l.review.host].filter(Boolean).join(' · ');
  if (l.bug?.project) return l.bug.project;
  if (l.blueprint) return l.blueprint.project;
  if (l.story) return l.story.host;
  if (l.etherpad) return l.etherpad.host;
  if (l.item) return l.item.repository ?? l.item.host;
  return l.problem ? l10n.t('malformed') : '';
}

/** "1 item", "3 items": action items. */
function itemCount(n: number): string {
  return n === 1 ? l10n.t('1 item') : l10n.t('{0} items', n);
}
