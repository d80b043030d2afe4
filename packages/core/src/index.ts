export * from './deadlines';
export * from './jurisdiction-path';
export * from './reports/index';
export * from './registry/index';
export * from './stats/index';
export * from './assignments/index';
