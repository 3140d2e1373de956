// markdown-it's types, in one place, so the rest of the core names them the same way.
export type { Token, StateCore, MarkdownIt } from 'markdown-it';
