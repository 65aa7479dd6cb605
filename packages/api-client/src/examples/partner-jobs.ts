import { BgmApiError, createBgmClient, unwrap } from "@bgm/api-client";

// A provider's API key (API-Schlüssel page), never in the source code.
const bgm = createBgmClient({ baseUrl: "https://bgm-hub.example", apiKey: process.env.BGM_API_KEY });

/** Job 1: fetch what the company granted on an engagement, one active scope after the other. */
export async function fetchGrantedData(engagementId: string) {
  const grants = await unwrap(bgm.GET("/api/partner/engagements/{id}/grants", { params: { path: { id: engagementId } } }));
  const data: Record<string, unknown> = {};
  for (const grant of grants.items.filter((g) => g.state === "active")) {
    data[grant.scopeKey] = await unwrap(
      bgm.GET("/api/partner/engagements/{id}/data/{scope}", { params: { path: { id: engagementId, scope: grant.scopeKey } } }),
    );
  }
  return data;
}

/** Job 2: upload a result; a payload that does not fit the output type comes back as 400 validation_failed. */
export async function uploadResult(engagementId: string, payload: unknown) {
  try {
    return await unwrap(
      bgm.POST("/api/partner/engagements/{id}/results", {
        params: { path: { id: engagementId } },
        body: { outputType: "copsoq_analysis", payload, note: "Befragung März" },
      }),
    );
  } catch (err) {
    if (err instanceof BgmApiError && err.code === "validation_failed") console.error(err.details); // { issues: [{ path, message }] }
    throw err;
  }
}
