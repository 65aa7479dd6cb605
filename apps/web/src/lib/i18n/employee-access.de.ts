/**
 * German strings of the employee access by company link (employee-access), merged into the default
 * namespace by `index.ts`. `employee-access.en.ts` must have exactly the same keys (checked by its type).
 */
export const employeeAccessDe = {
  employeeAccess: {
    card: {
      title: "Firmenlink für Beschäftigte",
      intro:
        "Teilen Sie diesen Link im Intranet oder per Rundmail. Wer im Mitarbeiterverzeichnis steht, gibt dort die dienstliche E-Mail-Adresse ein und bekommt einen Anmeldelink ({{minutes}} Minuten gültig, einmal nutzbar). Andere Adressen bekommen nichts.",
      linkLabel: "Firmenlink",
      none: "Es gibt keinen aktiven Firmenlink.",
      create: "Firmenlink erstellen",
      copy: "Link kopieren",
      copied: "Kopiert",
      rotate: "Neuen Link erzeugen",
      disable: "Link deaktivieren",
      createdAt: "Erstellt am {{date}}",
      created: "Firmenlink erstellt",
      rotated: "Neuer Firmenlink erzeugt; der alte funktioniert nicht mehr",
      disabled: "Firmenlink deaktiviert",
      rotateTitle: "Neuen Firmenlink erzeugen?",
      rotateBody:
        "Der bisherige Link funktioniert sofort nicht mehr, auch bereits verschickte Anmeldelinks nicht. Teilen Sie danach den neuen Link.",
      disableTitle: "Firmenlink deaktivieren?",
      disableBody:
        "Niemand kann sich dann über den Link anmelden; bereits verschickte Anmeldelinks verfallen. Konten und Mitgliedschaften bleiben bestehen.",
    },
    join: {
      title: "Anmelden bei {{org}}",
      intro:
        "Geben Sie Ihre dienstliche E-Mail-Adresse ein. Steht sie im Mitarbeiterverzeichnis von {{org}}, bekommen Sie einen Anmeldelink per E-Mail – ein Passwort brauchen Sie nicht.",
      email: "Dienstliche E-Mail-Adresse",
      submit: "Anmeldelink senden",
      sentTitle: "Prüfen Sie Ihr Postfach",
      sent: "Wenn {{email}} im Mitarbeiterverzeichnis von {{org}} steht, ist ein Anmeldelink unterwegs. Er ist {{minutes}} Minuten gültig und funktioniert einmal.",
      sentHint:
        "Keine E-Mail? Prüfen Sie den Spam-Ordner und die Schreibweise, oder fragen Sie Ihr BGM-Team, mit welcher Adresse Sie eingetragen sind.",
      otherAddress: "Andere Adresse eingeben",
      invalidTitle: "Dieser Link funktioniert nicht",
      invalidBody: "Der Firmenlink ist ungültig oder wurde ersetzt. Bitten Sie Ihr BGM-Team um den aktuellen Link.",
      emailInvalid: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    },
    signIn: {
      title: "Anmelden",
      intro: "Ein Klick, und Sie sind angemeldet. Der Link gilt nur einmal.",
      submit: "Jetzt anmelden",
      invalid:
        "Dieser Anmeldelink ist ungültig, abgelaufen oder wurde schon benutzt. Öffnen Sie den Firmenlink erneut und fordern Sie einen neuen an.",
      missing: "Der Link ist unvollständig. Öffnen Sie ihn bitte direkt aus der E-Mail.",
      toLogin: "Zur Anmeldung mit Passwort",
    },
  },
};
