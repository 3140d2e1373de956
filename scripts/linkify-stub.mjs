// Bundled in place of linkify-it: markdown-it constructs a LinkifyIt in its constructor but uses it
// only with `linkify: true`, which Midcycle never sets (its own URL scanner finds links). Any call
// that would need the real one says so instead of misbehaving.
export class LinkifyIt {
  set() {
    return this;
  }
  test() {
    throw new Error('linkify-it is not bundled: Midcycle parses with linkify off');
  }
  match() {
    throw new Error('linkify-it is not bundled: Midcycle parses with linkify off');
  }
  pretest() {
    return false;
  }
}
