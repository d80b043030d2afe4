// What other modules use of settings: where a setting may be set and how overrides resolve down the tree.
export * from './settings-scope';
