export * from './identifiers';
export * from './grade';
export * from './draw';
export * from './search-text';
