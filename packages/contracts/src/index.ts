export * from './errors';
export * from './permissions';
export * from './enums';
export * from './common';
export * from './auth';
export * from './admin';
export * from './audit';
export * from './patrol';
