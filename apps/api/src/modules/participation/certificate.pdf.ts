import { CERTIFICATE_ATTENDANCE_SHARE } from "@bgm/domain";
import { germanDate, renderPdf } from "../../lib/pdf.js";
import type { CertificateData } from "./certificate.service.js";

/** The participation certificate (Teilnahmebescheinigung) for a §20 SGB V course, one A4 page in German. */
export function certificatePdf(c: CertificateData): Promise<Buffer> {
  const share = `${Math.round(CERTIFICATE_ATTENDANCE_SHARE * 100)} %`;
  const doc = {
    info: { title: `Teilnahmebescheinigung – ${c.title}`, creator: "BGM Hub" },
    pageSize: "A4",
    pageMargins: [60, 70, 60, 60],
    defaultStyle: { font: "Roboto", fontSize: 11, lineHeight: 1.25 },
    content: [
      { text: "Teilnahmebescheinigung", fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      { text: "über die Teilnahme an einem Präventionskurs nach § 20 SGB V", fontSize: 12, margin: [0, 0, 0, 24] },
      { text: "Hiermit wird bestätigt, dass", margin: [0, 0, 0, 6] },
      { text: c.employeeName, fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      { text: `beschäftigt bei ${c.companyName}, an folgendem Kurs teilgenommen hat:`, margin: [0, 0, 0, 14] },
      {
        table: {
          widths: [150, "*"],
          body: [
            [{ text: "Kurs", bold: true }, c.title],
            [{ text: "Zertifizierung (ZPP-Kurs-ID)", bold: true }, c.certificationId],
            [{ text: "Kursanbieter", bold: true }, c.providerName ?? "–"],
            [{ text: "Teilnahme", bold: true }, `${c.attended} von ${c.counted} Kursterminen`],
            [{ text: "Besuchte Termine", bold: true }, c.attendedDates.map((d) => germanDate(d)).join(", ")],
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 16],
      },
      {
        text: `Die für die Bescheinigung erforderliche Teilnahme an mindestens ${share} der Kurstermine ist erfüllt.`,
        margin: [0, 0, 0, 30],
      },
      { text: `Ausgestellt am ${germanDate(c.issuedAt)} über BGM Hub für ${c.companyName}.`, fontSize: 9, color: "#444444" },
    ],
  };
  return renderPdf(doc);
}
