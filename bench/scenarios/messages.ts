import { CSRF_HEADER, CSRF_VALUE } from "../../apps/api/src/plugins/security.js";
import type { BenchContext, Scenario } from "../lib/scenario.js";

/**
 * Message posting throughput (issue 16): Petra writes to SurveyPro inside BENCH_MESSAGES_ENGAGEMENTS
 * engagements (default 20; every connection cycles through them: many conversations at once, as in use —
 * messages to one engagement queue behind its row, which each message's timeline entry touches), as fast as
 * the connections allow. Each POST runs the whole use case: the engagement check under RLS, the personal-data
 * check against Muster GmbH's employee register, the message, the read marker, the timeline event, the audit
 * entry, the partner's in-app notifications and their mails. The baseline is a bare route inserting the
 * message and the timeline event with two hand-written statements.
 */
const MANAGER = "petra.manager@muster-gmbh.de";
const PASSWORD = "Demo!2026bgm";

async function prepare(ctx: BenchContext) {
  const cookie = await ctx.real.signIn(MANAGER, PASSWORD);
  const headers = { cookie, "content-type": "application/json", [CSRF_HEADER]: CSRF_VALUE };
  const offerings = (await (await fetch(`${ctx.real.baseUrl}/api/marketplace/offerings?limit=100`, { headers: { cookie } })).json()) as {
    items: { id: string; providerName: string }[];
  };
  const offering = offerings.items.find((o) => o.providerName === "SurveyPro GmbH") ?? offerings.items[0];
  if (!offering) throw new Error("demo data has no published offering");
  const n = Number(process.env.BENCH_MESSAGES_ENGAGEMENTS ?? "") || 20;
  const ids: string[] = [];
  let parties = { companyOrgId: "", providerOrgId: "" };
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${ctx.real.baseUrl}/api/engagements`, {
      method: "POST",
      headers,
      body: JSON.stringify({ offeringId: offering.id, brief: { what: `Bench: Nachrichten ${i + 1}` } }),
    });
    if (res.status !== 201) throw new Error(`messages: creating an engagement answered ${res.status}: ${await res.text()}`);
    const e = (await res.json()) as { id: string; companyOrgId: string; providerOrgId: string };
    ids.push(e.id);
    parties = { companyOrgId: e.companyOrgId, providerOrgId: e.providerOrgId };
  }
  process.stdout.write(`messages: Petra posts to ${n} engagements with SurveyPro (JSON, no attachment; personal-data check on)\n`);
  return { cookie, headers, engagementIds: ids, engagementId: ids[0] as string, ...parties };
}

export const messages: Scenario = {
  name: "messages",
  async prepare(ctx) {
    const f = await prepare(ctx);
    const body = JSON.stringify({ text: "Wann können Sie mit der Befragung starten? Bitte mit Terminvorschlag.", topic: "Termine" });
    const bare = await ctx.bare((app, pool) => {
      app.post("/message", async () => {
        const inserted = await pool.query(
          `insert into engagement_message (engagement_id, org_id, provider_org_id, sender_side, topic, body)
           values ($1, $2, $3, 'company', 'Termine', $4) returning id`,
          [f.engagementId, f.companyOrgId, f.providerOrgId, "Wann können Sie mit der Befragung starten? Bitte mit Terminvorschlag."],
        );
        await pool.query(
          `insert into engagement_event (engagement_id, org_id, provider_org_id, kind, actor_side, message, data)
           values ($1, $2, $3, 'message', 'company', $4, $5)`,
          [f.engagementId, f.companyOrgId, f.providerOrgId, "Wann können Sie …", JSON.stringify({ messageId: inserted.rows[0]?.id })],
        );
        return { id: inserted.rows[0]?.id };
      });
    });
    return {
      real: {
        url: `${ctx.real.baseUrl}/api/engagements/${f.engagementId}/messages`,
        paths: f.engagementIds.map((id) => `/api/engagements/${id}/messages`),
        method: "POST",
        headers: f.headers,
        body,
      },
      baseline: { url: `${bare.baseUrl}/message`, method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
    };
  },
};
