// An email as a reader sees it: lines of text, blank lines, list items with their depth, and links
// in order, ignoring styling. The project's own version of ../shared/tools/email-shape.mjs, step
// for step (a test compares the two on every fixture when ../shared is there), so that CI compares
// the export with the reference email without anything beside the clone.
import { parseFragment } from 'parse5';

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
type Element = Node & { attrs: { name: string; value: string }[] };

/** Outlook's MsoNormal paragraphs, and any with a zero bottom margin, are lines, not paragraphs. */
function hasMargin(p: Element): boolean {
  const attr = (name: string) => p.attrs.find((a) => a.name === name)?.value ?? '';
  if (/msonormal/i.test(attr('class'))) return false;
  return !/margin(-bottom)?\s*:\s*0(\w+)?\s*(;|$)/i.test(attr('style'));
}

export type ShapeLine = { t: 'line'; text: string } | { t: 'blank' } | { t: 'item'; depth: number; ordered: boolean; text: string };

export interface EmailShape {
  lines: ShapeLine[];
  links: { href: string; text: string }[];
}

const BLOCKS = new Set(['div', 'p', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'tr', 'hr']);
const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

export function emailShape(html: string): EmailShape {
  const out: ShapeLine[] = [];
  const links: EmailShape['links'] = [];
  let text = '';
  let ordered = false;

  const endLine = (depth: number): string => {
    const line = squash(text);
    text = '';
    if (line) out.push(depth >= 0 ? { t: 'item', depth, ordered, text: line } : { t: 'line', text: line });
    return line;
  };
  const walk = (node: Node, depth: number): void => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') {
        text += child.value ?? '';
        continue;
      }
      const tag = child.tagName;
      if (!tag || tag === 'script' || tag === 'style' || tag === 'head') continue;
      if (tag === 'br') {
        // a <br> that ends an empty line shows an empty line (<div><br></div>, text<br><br>text)
        if (!endLine(depth) && depth < 0) out.push({ t: 'blank' });
      } else if (tag === 'a') {
        const start = text.length;
        walk(child, depth);
        links.push({ href: child.attrs?.find((a) => a.name === 'href')?.value ?? '', text: squash(text.slice(start)) });
      } else if (tag === 'ul' || tag === 'ol') {
        endLine(depth);
        // Gmail nests a list directly in its parent list, beside the item it belongs to
        const inList = node.tagName === 'ul' || node.tagName === 'ol';
        walkList(child, Math.max(0, inList ? depth : depth + 1));
      } else if (tag === 'p' && depth < 0 && hasMargin(child as Element)) {
        // a paragraph's own margin reads as a blank line, like Gmail's <div><br></div>
        endLine(depth);
        walk(child, depth);
        endLine(depth);
        out.push({ t: 'blank' });
      } else if (BLOCKS.has(tag)) {
        endLine(depth);
        walk(child, depth);
        endLine(depth);
      } else walk(child, depth);
    }
  };
  const walkList = (list: Node, depth: number): void => {
    const outer = ordered;
    ordered = list.tagName === 'ol';
    for (const child of list.childNodes ?? []) {
      if (child.tagName === 'li') {
        endLine(depth);
        walk(child, depth);
        endLine(depth);
      } else if (child.tagName === 'ul' || child.tagName === 'ol') {
        endLine(depth);
        walkList(child, depth + 1);
      } else if (child.nodeName === '#text') {
        if (squash(child.value ?? '')) text += child.value;
      } else walk(child, depth);
    }
    endLine(depth);
    ordered = outer;
  };

  walk(parseFragment(html.replace(/\u00a0/g, ' ')) as unknown as Node, -1);
  endLine(-1);
  // runs of blank lines count once; none at the ends; none beside a list (that is the list's margin)
  const collapsed: ShapeLine[] = [];
  for (const e of out) {
    if (e.t === 'blank' && (collapsed.length === 0 || collapsed[collapsed.length - 1].t === 'blank')) continue;
    collapsed.push(e);
  }
  while (collapsed.length && collapsed[collapsed.length - 1].t === 'blank') collapsed.pop();
  const lines = collapsed.filter((e, i) => e.t !== 'blank' || (collapsed[i - 1]?.t !== 'item' && collapsed[i + 1]?.t !== 'item'));
  return { lines, links };
}

/** One line per shape line, as a person would compare them in a diff. */
export function shapeText(shape: EmailShape): string[] {
  return shape.lines.map((e) => (e.t === 'blank' ? '(blank)' : e.t === 'item' ? `${'  '.repeat(e.depth)}${e.ordered ? '1.' : '-'} ${e.text}` : e.text));
}
