// The markdown-it instance every parse uses: CommonMark with tables and strikethrough, front matter,
// and Midcycle's link plugin in place of markdown-it's linkify. Raw HTML is text: a draft is mail
// to be escaped, never markup to be trusted.
import MarkdownItConstructor from 'markdown-it';
import type { MarkdownIt } from '../model/markdownTypes';
import frontMatter from 'markdown-it-front-matter';
import { footnoteDefinitions } from './footnoteDefinitions';
import { linkPlugin } from './linkPlugin';

let shared: MarkdownIt | undefined;

/** One instance, built on first use: its rules compile once, and parsing keeps no state in it. */
export function createMarkdown(): MarkdownIt {
  if (!shared) {
    shared = new MarkdownItConstructor('default', { html: false, linkify: false, typographer: false, breaks: false });
    // the YAML is read from the front_matter token (tokenFacts.ts frontMatterYaml) where the report is built
    shared.use(frontMatter, () => undefined);
    shared.use(footnoteDefinitions);
    shared.use(linkPlugin);
  }
  return shared;
}
