// markdown-it's types in one place, and reading a token's attribute as the string it is.
import type { Token } from 'markdown-it';
export type { Token, StateCore, MarkdownIt } from 'markdown-it';

/** A token attribute as text ('' when absent): markdown-it types attribute values loosely. */
export function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null || value === undefined ? '' : String(value);
}
