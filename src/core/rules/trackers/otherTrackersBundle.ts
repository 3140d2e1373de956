// The trackers beyond OpenStack's (otherTrackers.ts) are dist/otherTrackers.js, a bundle of their own,
// required the first time a draft has a link on a host that is not OpenStack's or a text that may
// hold a short reference (`#123`): never at activation, never for a draft of OpenStack's links
// alone (docs/performance.md: the first bundle's budget). On the web the bundle comes on demand:
// undefined until it is here (platform/providedBundles.ts), then every draft is read again.
export type OtherTrackersModule = typeof import('./otherTrackers');

let loaded: OtherTrackersModule | undefined;

export function otherTrackers(): OtherTrackersModule | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./otherTrackers') as OtherTrackersModule | undefined;
  return loaded;
}
