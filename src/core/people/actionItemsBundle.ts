// The action item finder with its rules for owners and its dictionary of common English words:
// dist/actionItems.js, a bundle of its own (about 500 KB, most of it the words), loaded the first
// time a report's topics or action items are read: never at activation, never by `midcycle check`.
export type ActionItemsModule = typeof import('./actionItems');

let loaded: ActionItemsModule | undefined;

export function actionItems(): ActionItemsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./actionItems') as ActionItemsModule;
  return loaded;
}
