// `link-not-web`: a Markdown link whose address an email cannot carry. The email makes anchors of
// web (http, https) and mail (mailto) links only (exportEmail.ts): a relative path, an in-page
// `#anchor`, an address in a second pair of parentheses or of another scheme would be shown as the
// link's text alone, silently. Said here, with the address meant when it is clear.

/** Whether an email makes an anchor of this address (the exporters' and the importer's one test). */
export function isMailableHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}

/** What is wrong with a link's written address that an email cannot carry, and the address meant when clear. */
export function destinationProblem(raw: string): { message: string; fixed?: string } | undefined {
  const address = raw.trim();
  if (isMailableHref(address)) return undefined;
  const shown = 'the email shows only its text';
  if (address.startsWith('#'))
    return {
      message: `A link to a place in this draft (${address}) where no heading is: the email names the heading such a link points at (it has no anchors), and with none ${shown}.`,
    };
  const wrapped = /^\(\s*(.*?)\s*\)$/.exec(address);
  if (wrapped && isMailableHref(wrapped[1]))
    return { message: `A link whose address is in a second pair of parentheses: ${shown}. Did you mean <${wrapped[1]}>?`, fixed: wrapped[1] };
  if (/^\/\/[^/\s]/.test(address))
    return { message: `A link without its https: (${address}): ${shown}. Did you mean <https:${address}>?`, fixed: `https:${address}` };
  if (/^www\.[^/\s]/i.test(address))
    return {
      message: `A link without https:// (${address}): Markdown reads it as a path beside the draft, and ${shown}. Did you mean <https://${address}>?`,
      fixed: `https://${address}`,
    };
  if (/^[a-z][a-z0-9+.-]*:/i.test(address))
    return { message: `A link to ${address}: an email carries web (https://) and mail (mailto:) links only, so ${shown}.` };
  return {
    message: `A link to ${address || 'nothing'}, a path beside the draft: the email has no page for it to be beside, so ${shown}. Write the whole address (https://…).`,
  };
}
