export * from './deadlines';
export * from './reports/index';
