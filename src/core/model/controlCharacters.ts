// Control characters in text from outside (a draft, an email, a service's answer). In a terminal they
// are commands, not text: ESC starts a sequence that clears the screen, sets the window's title or
// writes an OSC 8 link; C1 characters (U+0080–U+009F) are their 8-bit forms; BEL rings. Nothing a
// writer means to show is one of them, so they are removed from what services say and shown as
// visible symbols wherever Midcycle prints. Tab, line feed and a carriage return before a line
// feed are text. A leaf: it imports nothing.

/** C0 controls but tab and line feed, a carriage return not before a line feed, DEL, and C1. */
const CONTROLS = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;
/** Any of them, tested without the global flag's state. */
const ANY_CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;

/** Whether the text holds a control character that a terminal would act on. */
export function hasControlCharacters(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** The text without its control characters (a service's title, status, name). */
export function withoutControlCharacters(text: string): string {
  return hasControlCharacters(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * The text as a terminal should show it: each control character as a visible symbol (ESC as `␛`,
 * BEL as `␇`, the Unicode control pictures; a C1 character as `�`), so that what was there is seen
 * and nothing is run.
 */
export function showControlCharacters(text: string): string {
  if (!hasControlCharacters(text)) return text;
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}
