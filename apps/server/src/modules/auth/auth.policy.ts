/**
 * Sign-in and the demo hint are public; everything else here needs only a session (no
 * permission): every user may see and manage their own session and profile.
 */
export const authPolicy = { public: true } as const;
