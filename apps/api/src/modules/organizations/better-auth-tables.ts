import { invitation } from "@bgm/db";

/**
 * This module's tables that better-auth's organization plugin declares (only `invitation`). better-auth
 * checks on first use that every table its plugins declare is in the schema it is handed, so lib/auth.ts
 * passes these along. The table stays this module's: only its routes write invitations, and the auth
 * bridge closes the plugin's own invitation endpoints, so better-auth never writes it.
 */
export const betterAuthOrganizationTables = { invitation } as const;
