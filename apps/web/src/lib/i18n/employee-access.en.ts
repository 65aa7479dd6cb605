import type { employeeAccessDe } from "./employee-access.de";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const employeeAccessEn: Widen<typeof employeeAccessDe> = {
  employeeAccess: {
    card: {
      title: "Company link for employees",
      intro:
        "Share this link on the intranet or by mail. Whoever is in the employee register enters their work address there and gets a sign-in link ({{minutes}} minutes, single use). Other addresses get nothing.",
      linkLabel: "Company link",
      none: "There is no active company link.",
      create: "Create company link",
      copy: "Copy link",
      copied: "Copied",
      rotate: "Create new link",
      disable: "Disable link",
      createdAt: "Created {{date}}",
      created: "Company link created",
      rotated: "New company link created; the old one no longer works",
      disabled: "Company link disabled",
      rotateTitle: "Create a new company link?",
      rotateBody: "The current link stops working at once, and so do sign-in links already sent. Share the new link afterwards.",
      disableTitle: "Disable the company link?",
      disableBody: "Nobody can sign in through the link any more; sign-in links already sent expire. Accounts and memberships stay.",
    },
    join: {
      title: "Sign in to {{org}}",
      intro:
        "Enter your work e-mail address. If it is in the employee register of {{org}}, you get a sign-in link by e-mail – no password needed.",
      email: "Work e-mail address",
      submit: "Send sign-in link",
      sentTitle: "Check your inbox",
      sent: "If {{email}} is in the employee register of {{org}}, a sign-in link is on its way. It is valid for {{minutes}} minutes and works once.",
      sentHint: "No e-mail? Check your spam folder and the spelling, or ask your BGM team which address you are registered with.",
      otherAddress: "Enter another address",
      invalidTitle: "This link does not work",
      invalidBody: "The company link is invalid or has been replaced. Ask your BGM team for the current link.",
      emailInvalid: "Please enter a valid e-mail address.",
    },
    signIn: {
      title: "Sign in",
      intro: "One click and you are signed in. The link works only once.",
      submit: "Sign in now",
      invalid: "This sign-in link is invalid, expired or already used. Open the company link again and ask for a new one.",
      missing: "The link is incomplete. Please open it directly from the e-mail.",
      toLogin: "Sign in with a password",
    },
  },
};
