/**
 * The output type of a contracts schema, for the views the contracts package exports only as schemas.
 * Used with `import type`, so no schema (and no zod) reaches the bundle.
 */
export type Infer<S extends { _output: unknown }> = S['_output'];
