import type { EngagementAction } from "@bgm/domain";
import type { EngagementDetail } from "../api/types";
/**
 * The words for an action where the state gives it a plainer name: cancelling a request nobody has
 * quoted yet is withdrawing it („Anfrage zurückziehen“), and sending a quote while one is open changes
 * it („Angebot ändern“). The API action stays the same (and is audited as such).
 */
export function actionLabelKey(
  action: EngagementAction,
  status: EngagementDetail["status"],
): EngagementAction | "withdraw_request" | "change_quote" {
  if (action === "cancel" && status === "requested") return "withdraw_request";
  if (action === "send_quote" && status === "quoted") return "change_quote";
  return action;
}
