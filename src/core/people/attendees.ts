// The front matter's attendees: the people a report names as such (parseReport's people, the
// roster of owner-unknown). Apart from roster.ts, which is a bundle of its own.
import type { FrontMatter } from '../model/model';

export interface Attendee {
  /** The nick, or the entry as written when it names no nick apart ("fungi", "Sean Mooney"). */
  nick: string;
  /** The name before "(nick)", when there is one. */
  name?: string;
}

/** The front matter's `attendees:` (or `participants:`): a YAML list or a comma-separated string. */
export function attendeesOf(frontMatter: FrontMatter): Attendee[] {
  const value = frontMatter.attendees ?? frontMatter.participants;
  const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/) : [];
  const out: Attendee[] = [];
  for (const raw of entries) {
    // a quoted entry in a comma-separated string: `haleyb, "Lajos Katona (lajoskatona)"`
    const entry = typeof raw === 'string' ? raw.trim().replace(/^(["'])(.*)\1$/, '$2') : undefined;
    if (!entry) continue;
    // "Mark McClain (mark)", "Mark McClain [mark]", "Mark McClain <mark>", "(@mark)"
    const m = /^(.*?)\s*[([<]\s*@?([^)\]>]+)[)\]>]\s*$/.exec(entry);
    const nick = (m ? m[2] : entry).trim().replace(/^@/, '');
    const name = m?.[1].trim();
    if (nick) out.push(name ? { nick, name } : { nick });
  }
  return out;
}
