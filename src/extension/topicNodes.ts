// The Report Topics tree as plain data: topics with their sub-topics, links and action items in
// document order, then "Action items by owner" and "Links by kind". No `vscode` here, so the tree's
// shape and wording are tested in plain Node; TopicTreeProvider turns these into TreeItems.
import {
  LINK_KINDS,
  linkLabel,
  reviewStatuses,
  statusWords,
  type ActionItem,
  type FactsResult,
  type Link,
  type LinkFacts,
  type LinkKind,
  type Range,
  type Report,
  type Topic,
} from '../core';
import { LIST_MARKER } from '../core/model/listMarker';

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
export interface GroupNode extends NodeBase {
  type: 'group';
  group: 'owners' | 'kinds';
  children: (OwnerNode | KindNode)[];
}
export type TopicNode = TopicItemNode | LinkNode | ActionNode | OwnerNode | KindNode | GroupNode;

const KIND_NAMES: Record<LinkKind, [string, string]> = {
  review: ['review', 'reviews'],
  bug: ['bug', 'bugs'],
  blueprint: ['blueprint', 'blueprints'],
  story: ['story', 'stories'],
  etherpad: ['etherpad', 'etherpads'],
  other: ['link', 'links'],
};
const KIND_TITLES: Record<LinkKind, string> = {
  review: 'Reviews',
  bug: 'Bugs',
  blueprint: 'Blueprints',
  story: 'Stories',
  etherpad: 'Etherpads',
  other: 'Other links',
};

/**
 * The roots of the tree for one report. Ids start with `scope` (the document's URI) and name a
 * topic by its title among its siblings' ("Stadium", the second "Stadium" is "Stadium#2"), not by
 * its place: VS Code keeps a node's expanded state by id, so a topic stays open while the writer
 * edits or moves it, and another draft's topics in the same places do not open with it.
 */
export function buildTopicNodes(report: Report, scope = ''): TopicNode[] {
  const roots: TopicNode[] = topicNodes(report.topics, `${scope}|`);
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
  const node: TopicItemNode = { type: 'topic', id, topic, children: [], parent };
  const children: TopicNode[] = [
    ...topicNodes(topic.children, `${id}/`, node),
    ...topic.links.map((link, i): LinkNode => ({ type: 'link', id: `${id}:l${i}`, link, children: [], parent: node })),
    ...topic.actions.map((action, i): ActionNode => ({ type: 'action', id: `${id}:a${i}`, action, children: [], parent: node })),
  ];
  node.children = children.sort((a, b) => compareRanges(nodeRange(a), nodeRange(b)));
  return node;
}

function ownersGroup(actions: readonly ActionItem[], scope: string): GroupNode {
  const group: GroupNode = { type: 'group', id: `${scope}|owners`, group: 'owners', children: [] };
  // owners that differ only in case ("Armax", "armax") are one person, under the first spelling
  const byOwner = new Map<string, ActionItem[]>();
  const spelt = new Map<string, string>();
  for (const a of actions) {
    const key = a.owner.toLowerCase();
    if (!spelt.has(key)) spelt.set(key, a.owner);
    byOwner.set(spelt.get(key)!, [...(byOwner.get(spelt.get(key)!) ?? []), a]);
  }
  const owners = [...byOwner.keys()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  group.children = owners.map((owner) => {
    const node: OwnerNode = { type: 'owner', id: `${group.id}/${owner}`, owner, children: [], parent: group };
    node.children = byOwner.get(owner)!.map((action, i) => ({ type: 'action', id: `${node.id}/${i}`, action, children: [], parent: node }));
    return node;
  });
  return group;
}

function kindsGroup(links: readonly Link[], scope: string): GroupNode {
  const group: GroupNode = { type: 'group', id: `${scope}|kinds`, group: 'kinds', children: [] };
  for (const kind of LINK_KINDS) {
    const ofKind = links.filter((l) => l.kind === kind);
    if (!ofKind.length) continue;
    const node: KindNode = { type: 'kind', id: `${group.id}/${kind}`, kind, children: [], parent: group };
    node.children = ofKind.map((link, i) => ({ type: 'link', id: `${node.id}/${i}`, link, children: [], parent: node }));
    group.children.push(node);
  }
  return group;
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
  bug: 'bug',
  blueprint: 'symbol-structure',
  story: 'book',
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
        tooltip: `**${escapeMarkdown(t.title)}** (line ${t.range.start.line + 1})${full}`,
        icon: t.kind === 'heading' ? 'symbol-namespace' : t.children.length ? 'list-tree' : 'primitive-dot',
        contextValue: t.kind === 'heading' ? 'heading' : 'topic',
        // collapsed: the whole report fits at a glance; following the cursor expands what it needs
        collapsible: node.children.length ? 'collapsed' : 'none',
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
        presented.description = `not found · ${presented.description}`.replace(/ · $/, '');
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
    case 'action':
      return {
        label: node.parent?.type === 'owner' ? node.action.text : node.action.owner,
        description: node.parent?.type === 'owner' ? `line ${node.action.range.start.line + 1}` : node.action.text,
        tooltip: `**${escapeMarkdown(node.action.owner)}** to ${escapeMarkdown(node.action.text)} (line ${node.action.range.start.line + 1})`,
        icon: 'tasklist',
        contextValue: 'action',
        collapsible: 'none',
      };
    case 'owner':
      return { label: node.owner, description: plural(node.children.length, 'item', 'items'), icon: 'person', contextValue: 'owner', collapsible: 'collapsed' };
    case 'kind':
      return {
        label: KIND_TITLES[node.kind],
        description: String(node.children.length),
        icon: LINK_ICONS[node.kind],
        contextValue: 'kind',
        collapsible: 'collapsed',
      };
    case 'group':
      return node.group === 'owners'
        ? {
            label: 'Action items by owner',
            description: plural(
              node.children.reduce((n, o) => n + o.children.length, 0),
              'item',
              'items',
            ),
            icon: 'checklist',
            contextValue: 'group',
            collapsible: 'collapsed',
          }
        : {
            label: 'Links by kind',
            description: plural(
              node.children.reduce((n, k) => n + k.children.length, 0),
              'link',
              'links',
            ),
            icon: 'references',
            contextValue: 'group',
            collapsible: 'collapsed',
          };
  }
}

/** "3 reviews · 1 bug · 2 actions", counting the topic's whole subtree. */
export function countsOf(topic: Topic): string {
  const counts = new Map<LinkKind, number>();
  let actions = 0;
  const visit = (t: Topic) => {
    for (const l of t.links) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
    actions += t.actions.length;
    t.children.forEach(visit);
  };
  visit(topic);
  const parts = LINK_KINDS.filter((k) => counts.get(k)).map((k) => plural(counts.get(k)!, ...KIND_NAMES[k]));
  if (actions) parts.push(plural(actions, 'action', 'actions'));
  return parts.join(' · ');
}

function subtreeLinks(topic: Topic): Link[] {
  return [...topic.links, ...topic.children.flatMap(subtreeLinks)];
}

/** A link's facts as hover and tooltip lines: every string from the service escaped, never markup. */
export function factsMarkdown(facts: LinkFacts): string {
  const lines: string[] = [];
  if (facts.title) lines.push(`“${escapeMarkdown(facts.title)}”`);
  const about = [statusWords(facts), facts.project && `in ${facts.project}`, facts.owner && `by ${facts.owner}`]
    .filter(Boolean)
    .map((s) => escapeMarkdown(s as string));
  if (about.length) lines.push(about.join(' '));
  if (facts.tasks && facts.tasks.length > 1) lines.push(`Affects ${facts.tasks.map((t) => escapeMarkdown(`${t.name} (${t.status ?? 'unknown'})`)).join(', ')}`);
  return lines.join('\n\n');
}

function linkDescription(l: Link): string {
  if (l.review) return [l.review.patchset ? `patchset ${l.review.patchset}` : '', l.review.project ?? l.review.host].filter(Boolean).join(' · ');
  if (l.bug?.project) return l.bug.project;
  if (l.blueprint) return l.blueprint.project;
  if (l.story) return l.story.host;
  if (l.etherpad) return l.etherpad.host;
  return l.problem ? 'malformed' : '';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text as Markdown that shows it as itself: every character Markdown (or HTML, or an entity) could read escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~&:$]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}
