export * from './report-machine';
export * from './priority';
export * from './canonical-url';
export * from './templates';
export * from './tracking';
