export * from './periods';
export * from './histogram';
