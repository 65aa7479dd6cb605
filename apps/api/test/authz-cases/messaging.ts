import { publishTestOffering } from "../engagement-fixtures.js";
import { api, signUpProvider } from "../helpers.js";
import type { AuthzCases } from "./types.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** B's engagement with its own provider Q, a message with a PDF from B and Q's answer. */
export const messagingCases: AuthzCases = {
  async setup({ t, b }) {
    const q = await signUpProvider(t.app, { name: "Partner Q" });
    const offeringId = await publishTestOffering(t, q.orgId, { title: "Angebot Q" });
    const created = await b.api.post("/api/engagements", { offeringId, brief: { what: "Auftrag B an Q" } });
    if (created.statusCode !== 201) throw new Error(`setup failed: ${created.body}`);
    const engagementId = created.json().id as string;
    const boundary = "----authzmsg";
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nGeheime Nachricht B\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="geheim-b.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const posted = await b.api.raw({
      method: "POST",
      url: `/api/engagements/${engagementId}/messages`,
      payload,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    if (posted.statusCode !== 201) throw new Error(`setup failed: ${posted.body}`);
    const message = posted.json() as { id: string; attachments: { id: string }[] };
    const answered = await api(t.app, q.cookie).post(`/api/engagements/${engagementId}/messages`, { text: "Geheime Antwort Q" });
    if (answered.statusCode !== 201) throw new Error(`setup failed: ${answered.body}`);
    return {
      ids: { messageEngagementId: engagementId, messageId: message.id, attachmentId: message.attachments[0]?.id as string },
      markers: ["Geheime Nachricht B", "Geheime Antwort Q", "geheim-b.pdf"],
    };
  },
  cases: {
    "GET /api/engagements/{id}/messages": { kind: "foreign", url: (f) => `/api/engagements/${f.ids.messageEngagementId}/messages` },
    "POST /api/engagements/{id}/messages": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.messageEngagementId}/messages`,
      body: () => ({ text: "gekapert" }),
    },
    "POST /api/engagements/{id}/messages/read": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.messageEngagementId}/messages/read`,
      body: () => ({}),
    },
    "GET /api/engagements/{id}/messages/{messageId}/attachments/{attachmentId}": {
      kind: "foreign",
      url: (f) => `/api/engagements/${f.ids.messageEngagementId}/messages/${f.ids.messageId}/attachments/${f.ids.attachmentId}`,
    },
    "GET /api/messages/unread": { kind: "own", url: () => "/api/messages/unread" },
  },
};
