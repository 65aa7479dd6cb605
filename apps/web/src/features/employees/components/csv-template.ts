/** The header the import expects, exactly as German Excel writes it ("CSV UTF-8", semicolons). */
export const CSV_HEADER = "Vorname;Nachname;E-Mail;Abteilung;Standort";

/** The BOM makes Excel open the file as UTF-8, so umlauts survive a round trip. */
export const CSV_TEMPLATE = `\uFEFF${CSV_HEADER}\r\nErika;Müller;erika.mueller@example.de;Produktion;Köln\r\n`;

export const CSV_TEMPLATE_FILE_NAME = "beschaeftigte-vorlage.csv";
