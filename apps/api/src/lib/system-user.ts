/**
 * The user row the migrations create (0009) for what no person did: automatic decisions, and API
 * keys whose creator has since left. It has no account to sign in with.
 */
export const SYSTEM_USER_ID = "system";
