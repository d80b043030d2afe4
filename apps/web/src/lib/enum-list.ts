/**
 * Lists every member of a string union, in display order; a missing member is a type error.
 * For enums the contracts package declares next to its zod schemas: importing the constant from
 * there would pull that whole schema module, and zod with it, into the browser bundle.
 */
export const enumList =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;
