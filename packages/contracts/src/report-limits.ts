/**
 * The limits of a public report, free of zod: the schemas (reports-submission.ts) are built from
 * them, and the public pages check the same numbers before sending.
 */
export const REPORT_LIMITS = {
  urls: 10,
  url: 2000,
  platformName: 100,
  accountName: 200,
  descriptionMin: 10,
  descriptionMax: 5000,
  email: 200,
  reviewMin: 5,
  reviewMax: 1000,
} as const;

/** A reporter's phone number: digits, spaces and dashes, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,19}$/;
