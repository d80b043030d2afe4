// What other modules use of the registry: validated references to registry entities (reports, disposals, patrol sources).
export { assertEntityRef, entityRefOf, entityRefViews } from './entity-ref';
