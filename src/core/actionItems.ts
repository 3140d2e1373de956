// Action items as writers put them in prose: "carl_baldwin to put up model proposal, haleyb to
// follow up with code" (two), "mlavalle to track nova development" (one), "AI: armax to …". An
// owner starts a clause; "armax intends to…" and "Richard and armax sat down to…" are not items.

export interface FoundAction {
  owner: string;
  text: string;
  /** Offset of the owner in the searched text. */
  offset: number;
  /** Length of the whole item in the searched text. */
  length: number;
}

/** An IRC nick or a name: letters, digits and IRC's punctuation, starting with a letter or `_`
 * (IRC allows `[` first too, but in a draft that is Markdown's bracket). */
const NICK = String.raw`[A-Za-z_][\w\-\[\]\\^{}|\x60]{0,31}`;
const OWNERS = `(${NICK}(?:\\s*(?:,|&|\\band\\b)\\s*${NICK})*)`;
const PREFIX = String.raw`(?:(?:AI|ACTION|Action(?: item)?|TODO|#action|#agreed)\s*:?\s+)?`;
const CLAUSE_START = new RegExp(`^${PREFIX}${OWNERS}\\s+to\\s+([a-z][a-z'-]*)\\b`);

/** Words that start clauses like "plan to…" and are never owners. */
const NOT_OWNERS = new Set(`a an the this that these those it we i you he she they who what which how why when where whether
there here nothing something everything anything anyone someone everyone nobody one all each both some many most few
more less much further lots plenty enough another other others
plan plans planned need needs needed want wants wanted going went go goes able unable have has had is are was were be been
due time times way ways order up down back forward next close similar prior thanks thank according welcome moving move moved
switch switched upgrade upgraded migrate migrated add added link links path access changes change updates update fixes fix
improvements answer reply talk talked listen trying tried try attempt attempts decided agreed agree intend intends intended
continue continued started start started starting expected expect expects hope hopes hoping used use using easy hard difficult
likely unlikely free ready happy sure related due next proposal proposals work working effort efforts steps step also still
then just only please let lets let's ok okay yes no not and or but so if as to of in on at by for from with about into`.split(/\s+/));

/** Words after "to" that are not the start of a task. */
const NOT_VERBS = new Set('a an the this that these those it its their our my your his her all each every some any be'.split(' '));

export function findActionItems(text: string): FoundAction[] {
  // most lines (a link, a name, a sentence without "to") have none: a cheap look first
  if (!/\sto\s/.test(text)) return [];
  const found: FoundAction[] = [];
  // clauses: sentences (and lines, and "; ", ": ") split again at commas
  const sentenceRe = /[^\n.;!?:]+(?:[.!?](?!\s|$)[^\n.;!?:]*|:(?!\s|$)[^\n.;!?:]*)*[.;!?:]*/g;
  for (let s = sentenceRe.exec(text); s; s = sentenceRe.exec(text)) {
    if (s[0].length === 0) { sentenceRe.lastIndex++; continue; }
    let current: FoundAction[] = []; // the items the clause before started (one per owner)
    let pendingOwners: { name: string; offset: number }[] = [];
    const clauseRe = /[^,]+/g;
    for (let c = clauseRe.exec(s[0]); c; c = clauseRe.exec(s[0])) {
      const lead = c[0].length - c[0].trimStart().length;
      const clause = c[0].trim().replace(/[.;!?:]+$/, '');
      const offset = s.index + c.index + lead;
      const m = CLAUSE_START.exec(clause);
      const owners = m ? splitOwners(m[1]) : [];
      if (m && owners.length && !NOT_VERBS.has(m[2])) {
        const task = clause.slice(m[0].length - m[2].length);
        const all = [...pendingOwners.map((p) => p.name), ...owners];
        const start = pendingOwners[0]?.offset ?? offset + m[0].indexOf(m[1]);
        current = all.map((owner) => ({ owner, text: task, offset: start, length: offset + clause.length - start }));
        found.push(...current);
        pendingOwners = [];
        continue;
      }
      if (new RegExp(`^${NICK}$`).test(clause) && !NOT_OWNERS.has(clause.toLowerCase())) {
        // "armax, kevinbenton and haleyb to …": a lone nick may be the first of the owners
        pendingOwners.push({ name: clause, offset });
        continue;
      }
      pendingOwners = [];
      // "armax to fix X, Y and Z": the task goes on after the comma
      for (const item of current) {
        item.text = `${item.text}, ${clause}`;
        item.length = offset + clause.length - item.offset;
      }
    }
  }
  return found;
}

function splitOwners(owners: string): string[] {
  const names = owners.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean);
  return names.every((n) => !NOT_OWNERS.has(n.toLowerCase())) ? names : [];
}
