// markdown-it-front-matter ships no types: it registers a block rule and calls back with the YAML text.
declare module 'markdown-it-front-matter' {
  import type { MarkdownIt } from 'markdown-it';
  const frontMatterPlugin: (md: MarkdownIt, onFrontMatter: (yaml: string) => void) => void;
  export default frontMatterPlugin;
}
