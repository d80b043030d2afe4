export * from './assignment-machine';
