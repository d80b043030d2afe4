export * from './deadlines';
