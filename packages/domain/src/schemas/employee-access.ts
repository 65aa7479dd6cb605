import { z } from "zod";
import { Timestamp } from "./common.js";
import { MemberRole } from "./organizations.js";

/**
 * Employee access by company link (issue 12, 2.2): a manager shares one join link; an employee opens it,
 * gives the work address from the employee register and signs in with the link mailed to that address.
 */

/** How long the mailed sign-in link is valid, and how often one address may ask for one. */
export const SIGN_IN_LINK_MINUTES = 15;
export const SIGN_IN_LINK_REQUESTS_PER_ADDRESS = 3;

export const JoinLink = z.object({
  url: z.url().describe("The company's join link, to share with employees (intranet, notice board, mail)"),
  createdAt: Timestamp,
});
export type JoinLink = z.infer<typeof JoinLink>;

export const JoinLinkState = z.object({
  link: JoinLink.nullable().describe("null: the company has no active join link"),
});
export type JoinLinkState = z.infer<typeof JoinLinkState>;

export const JoinTokenParam = z.strictObject({
  token: z.string().min(1).max(128).describe("The token of the join link `/join/{token}`"),
});

export const JoinInfo = z.object({
  organizationName: z.string(),
  signInLinkMinutes: z.number().int(),
});
export type JoinInfo = z.infer<typeof JoinInfo>;

export const RequestSignInLink = z.strictObject({
  email: z.email().max(254).describe("The work address as it stands in the employee register (any case)"),
});

export const SignInLinkRequested = z.object({ ok: z.literal(true) });

export const CompleteSignIn = z.strictObject({
  token: z.string().min(1).max(512).describe("The `token` of the mailed link `/login/link?token=…`"),
});

export const SignedIn = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  role: MemberRole.describe("The caller's role in that company: `employee`, or the role they already had"),
});
export type SignedIn = z.infer<typeof SignedIn>;
