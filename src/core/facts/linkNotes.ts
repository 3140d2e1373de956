// `annotateLinks` for the export: a change's or bug's status after its link ("(merged)"), or its
// title before a bare URL, read from the link facts, for writers who want readers to see them.
import type { LinkNotes } from '../export/emailBlocks';
import { checkLink } from '../rules/linkRules/checkLink';
import type { LinkHosts } from '../rules/linkHosts';
import { factsRequest, linkFacts, statusWords, type FactsApis, type FactsResult } from './linkFacts';
import type { Link } from '../model/model';

export type AnnotateLinks = 'none' | 'status' | 'title';
export const ANNOTATE_LINKS: readonly AnnotateLinks[] = ['none', 'status', 'title'];

/** The notes for the export, or undefined for `none`. `resultOf` gives a request URL's facts. */
export function linkNotes(mode: AnnotateLinks, hosts: LinkHosts, apis: FactsApis, resultOf: (url: string) => FactsResult | undefined): LinkNotes | undefined {
  if (mode === 'none') return undefined;
  return (href, bare) => {
    if (mode === 'title' && !bare) return undefined; // the writer's own words name it already
    const check = checkLink(href, hosts);
    const link: Link = { ...check, raw: href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, problem: undefined };
    const request = factsRequest(link, apis);
    const result = request && resultOf(request.url);
    if (result?.state !== 'found') return undefined;
    const facts = linkFacts(link, result.facts);
    if (mode === 'title') return facts.title ? { before: `“${facts.title}” ` } : undefined;
    const status = statusWords(facts);
    return status ? { after: ` (${status})` } : undefined;
  };
}
