import type { Plugin } from 'esbuild';

export function plainFields(source: string, file?: string): { contents: string; fields: string[] };
export const markdownItFields: Plugin;
