export * from './report-machine';
export * from './canonical-url';
export * from './templates';
export * from './tracking';
