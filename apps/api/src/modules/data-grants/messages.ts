/**
 * What the provider is told about grants, in German. Only organization names, the offering title
 * and scope labels: never previews or anything about employees (mails leave the platform).
 */
export function grantNotice(
  kind: "granted" | "revoked",
  c: { companyName: string; offeringTitle: string; scopes: string[] },
  link: string,
) {
  const list = c.scopes.join(", ");
  const title = kind === "granted" ? "Datenzugriff erteilt" : "Datenzugriff widerrufen";
  const body =
    kind === "granted"
      ? `${c.companyName} hat für „${c.offeringTitle}“ Zugriff erteilt auf: ${list}.`
      : `${c.companyName} hat für „${c.offeringTitle}“ den Zugriff widerrufen auf: ${list}.`;
  return {
    title,
    body,
    mail: {
      subject: `BGM Hub: ${title} – ${c.offeringTitle}`,
      text: `Guten Tag,\n\n${body}\n\nZum Auftrag: ${link}\n\nIhr BGM Hub\n(Diese E-Mail wurde automatisch versendet.)\n`,
    },
  };
}
