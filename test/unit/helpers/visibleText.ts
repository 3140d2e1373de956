// An email's text exactly as a reader sees it, for comparing two emails character for character:
// its lines (runs of spaces, tabs and line ends one space, none at a line's ends; a no-break space
// kept, as it shows), blank lines, list items with their bullet or number (an <ol start> shows it)
// and nesting, quotes, rules, table rows, images, and its links in order. Styling is not text.
// Blank lines follow emailShape.ts: runs count once, none at the ends nor beside a list item, and a
// line of nothing but spaces is a blank one.
import { parseFragment } from 'parse5';

type Node = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };

export interface VisibleText {
  lines: string[];
  links: string[];
}

const BLOCKS = new Set(['div', 'p', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'tr', 'hr', 'li', 'ul', 'ol']);
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value ?? '';

export function visibleText(html: string): VisibleText {
  const lines: { text: string; item: boolean; blank?: boolean }[] = [];
  const links: string[] = [];
  let text = '';
  /** What the line being read starts with: quote markers, an item's bullet or its indentation. */
  let prefix = '';
  let quote = 0;

  const endLine = (): boolean => {
    const shown = text
      .replace(/[ \t\n\r\f]+/g, ' ')
      .replace(/^ | $/g, '')
      .replace(/ ?\u0001 ?/g, ' | ');
    text = '';
    const markers = '> '.repeat(quote);
    if (!shown.replace(/[ \u00a0|]/g, '')) return false;
    lines.push({ text: `${markers}${prefix}${shown}`, item: prefix !== '' });
    // the item's next lines are under its text, without the bullet
    prefix = prefix.replace(/\S+ $/, (m) => ' '.repeat(m.length));
    return true;
  };
  const blank = () => lines.push({ text: '', item: false, blank: true });

  const walk = (node: Node, depth: number): void => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') {
        text += child.value ?? '';
        continue;
      }
      const tag = child.tagName;
      if (!tag || tag === 'script' || tag === 'style' || tag === 'head') continue;
      if (tag === 'br') {
        if (!endLine() && depth < 0) blank();
      } else if (tag === 'img') {
        text += `[image ${attr(child, 'alt')} ${attr(child, 'src')}]`;
      } else if (tag === 'a') {
        links.push(attr(child, 'href'));
        walk(child, depth);
      } else if (tag === 'ul' || tag === 'ol') {
        endLine();
        // Gmail nests a list directly in its parent list, beside the item it belongs to
        const inList = node.tagName === 'ul' || node.tagName === 'ol';
        walkList(child, Math.max(0, inList ? depth : depth + 1));
      } else if (tag === 'blockquote') {
        endLine();
        quote++;
        walk(child, depth);
        endLine();
        quote--;
      } else if (tag === 'hr') {
        endLine();
        lines.push({ text: `${'> '.repeat(quote)}---`, item: false });
      } else if (tag === 'td' || tag === 'th') {
        // cells side by side: "a | b"
        if (text.trim()) text += '\u0001';
        walk(child, depth);
      } else if (BLOCKS.has(tag)) {
        endLine();
        walk(child, depth);
        endLine();
      } else walk(child, depth);
    }
  };
  const walkList = (list: Node, depth: number): void => {
    const ordered = list.tagName === 'ol';
    let number = ordered && attr(list, 'start') ? Number(attr(list, 'start')) : 1;
    const outer = prefix;
    for (const child of list.childNodes ?? []) {
      if (child.tagName === 'li') {
        endLine();
        prefix = `${'  '.repeat(depth)}${ordered ? `${number++}.` : '•'} `;
        walk(child, depth);
        // an item with nothing in it shows its bullet alone
        if (!endLine() && prefix.trim()) lines.push({ text: `${'> '.repeat(quote)}${prefix.trimEnd()}`, item: true });
        prefix = `${'  '.repeat(depth)}  `;
      } else if (child.tagName === 'ul' || child.tagName === 'ol') {
        endLine();
        walkList(child, depth + 1);
      } else if (child.nodeName === '#text') {
        if ((child.value ?? '').trim()) text += child.value;
      } else walk({ nodeName: '#fragment', childNodes: [child] }, depth);
    }
    endLine();
    prefix = outer;
  };

  walk(parseFragment(html) as unknown as Node, -1);
  endLine();
  // runs of blank lines count once; none at the ends; none beside a list item (that is the list's margin)
  const collapsed: typeof lines = [];
  for (const l of lines) {
    if (l.blank && (collapsed.length === 0 || collapsed[collapsed.length - 1].blank)) continue;
    collapsed.push(l);
  }
  while (collapsed.length && collapsed[collapsed.length - 1].blank) collapsed.pop();
  const kept = collapsed.filter((l, i) => !l.blank || (!collapsed[i - 1]?.item && !collapsed[i + 1]?.item));
  return { lines: kept.map((l) => (l.blank ? '' : l.text)), links };
}
