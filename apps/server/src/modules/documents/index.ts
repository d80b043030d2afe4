/**
 * The documents module's shared parts: the template type and the official-document building blocks
 * (docx-kit) that every module's templates use.
 */
export type { DocumentTemplate } from './templates';
export * from './docx-kit';
