export * from './deadlines';
export * from './reports/index';
export * from './registry/index';
export * from './stats/index';
