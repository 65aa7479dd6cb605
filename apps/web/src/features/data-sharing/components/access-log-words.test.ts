import { ACCESS_DENIAL_REASONS, DATA_SCOPES, PARTICIPATION_AGGREGATES_ACCESS } from "@bgm/domain";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { dataSharingDe } from "../../../lib/i18n/data-sharing.de";
import { dataSharingEn } from "../../../lib/i18n/data-sharing.en";
import { translator } from "../../../test/translator";
import { accessReasonText, accessScopeName } from "./access-log-words";

let de: TFunction;
let en: TFunction;
beforeAll(async () => {
  de = await translator("de", dataSharingDe);
  en = await translator("en", dataSharingEn);
});

describe("access log in words (issue 14, item 10)", () => {
  it("names a scope by the registry's label, never its key", () => {
    expect(accessScopeName("employee_list", de, "de")).toBe("Namen und E-Mail-Adressen der Beschäftigten");
    for (const scope of DATA_SCOPES) {
      expect(accessScopeName(scope.key, de, "de")).toBe(scope.label.de);
      expect(accessScopeName(scope.key, en, "en")).toBe(scope.label.en);
    }
  });

  it("names the participation figures, which are logged beside the scopes", () => {
    expect(accessScopeName(PARTICIPATION_AGGREGATES_ACCESS.key, de, "de")).toBe("Teilnahmezahlen (nur Kennzahlen)");
    expect(accessScopeName(PARTICIPATION_AGGREGATES_ACCESS.key, en, "en")).toBe("Participation figures (aggregates only)");
  });

  it("quotes a key the registry does not know as unknown", () => {
    expect(accessScopeName("salaries", de, "de")).toBe("Unbekannter Datenumfang „salaries“");
    expect(accessScopeName("salaries", en, "en")).toBe("Unknown data scope “salaries”");
  });

  it("says every denial reason in words in both languages", () => {
    expect(accessReasonText("no_grant", de)).toBe("Keine Freigabe erteilt");
    expect(accessReasonText("revoked", en)).toBe("Grant revoked");
    for (const code of ACCESS_DENIAL_REASONS) {
      for (const t of [de, en]) {
        const text = accessReasonText(code, t);
        expect(text).not.toBe(code);
        expect(text).not.toMatch(/dataSharing\.|_/);
      }
    }
  });

  it("shows a dash for a served request and names an unknown code as other", () => {
    expect(accessReasonText(null, de)).toBe("–");
    expect(accessReasonText("rate_limited", de)).toBe("Sonstiger Grund (rate_limited)");
    expect(accessReasonText("rate_limited", en)).toBe("Other reason (rate_limited)");
  });
});
