import type { CheckInBatch, CheckInBatchResult, CheckInKit, LiveCheckIns, MyHealthDayTickets } from "@bgm/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiRequest } from "../../../lib/api-client";

/**
 * The check-in's API: the employee's tickets (for the employee's health-day page to show), the phone's
 * kit and batch sync, and the live figures as server-sent events.
 */

export const checkInKeys = {
  all: ["health-day-checkin"] as const,
  tickets: (dayId: string) => [...checkInKeys.all, "tickets", dayId] as const,
  kit: (dayId: string) => [...checkInKeys.all, "kit", dayId] as const,
};

const day = (dayId: string) => encodeURIComponent(dayId);

export function getMyTickets(dayId: string): Promise<MyHealthDayTickets> {
  return apiRequest<MyHealthDayTickets>(`/api/me/health-days/${day(dayId)}/tickets`);
}

/** My QR tickets for one health day; each has `qrUrl` (an SVG for an <img>), `shortCode` and its status. */
export function useMyHealthDayTickets(dayId: string) {
  return useQuery({ queryKey: checkInKeys.tickets(dayId), queryFn: () => getMyTickets(dayId) });
}

export function getCheckInKit(dayId: string): Promise<CheckInKit> {
  return apiRequest<CheckInKit>(`/api/health-days/${day(dayId)}/check-in-kit`);
}

export function syncScans(dayId: string, batch: CheckInBatch): Promise<CheckInBatchResult> {
  return apiRequest<CheckInBatchResult>(`/api/health-days/${day(dayId)}/check-ins`, { method: "POST", json: batch });
}

export const liveUrl = (dayId: string) => `/api/health-days/${day(dayId)}/check-ins/live`;

/**
 * The live figures, pushed by the server (EventSource reconnects by itself after a drop or when the
 * server ends a stream). `connected` is false while the stream is down.
 */
export function useLiveCheckIns(dayId: string): { data: LiveCheckIns | null; connected: boolean } {
  const [data, setData] = useState<LiveCheckIns | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(liveUrl(dayId));
    source.addEventListener("checkins", (e) => {
      setConnected(true);
      setData(JSON.parse((e as MessageEvent<string>).data) as LiveCheckIns);
    });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [dayId]);
  return { data, connected };
}
