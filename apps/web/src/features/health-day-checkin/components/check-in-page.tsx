import type { CheckInKit, CheckInOutcome } from "@bgm/domain";
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { IScannerControls } from "@zxing/browser";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../../lib/api-client";
import { getCheckInKit } from "../api/check-in";
import { allScans, deviceId, enqueue, newNonce, pendingScans, type QueuedScan } from "../queue";
import { syncQueue } from "../sync";
import { checkOffline, normalizeShortCode } from "../verify";

/**
 * The door of a health day on a phone. It works offline once opened: the kit (public key and labels) is
 * kept on the device, each scan is verified with the public key, queued in IndexedDB with a nonce and
 * synced when the connection is there (and on the button). No attendee list ever reaches the phone.
 */

const KIT_KEY = (dayId: string) => `bgm-checkin-kit:${dayId}`;
/** The same QR held in front of the camera is read many times a second: one scan per ticket and few seconds. */
const SAME_TICKET_MS = 4_000;

function storedKit(dayId: string): CheckInKit | null {
  try {
    const raw = localStorage.getItem(KIT_KEY(dayId));
    return raw ? (JSON.parse(raw) as CheckInKit) : null;
  } catch {
    return null;
  }
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

type Shown = { kind: "outcome"; outcome: CheckInOutcome } | { kind: "local"; local: QueuedScan["local"] };

const GOOD = new Set(["checked_in", "valid", "code"]);

function shownOf(s: QueuedScan): Shown {
  return s.outcome ? { kind: "outcome", outcome: s.outcome } : { kind: "local", local: s.local };
}

export function CheckInPage() {
  const { t } = useTranslation();
  const { id: dayId = "" } = useParams();
  const online = useOnline();
  const [kit, setKit] = useState<CheckInKit | null>(() => storedKit(dayId));
  const [kitError, setKitError] = useState<"not_found" | "other" | null>(null);
  const [scans, setScans] = useState<QueuedScan[]>([]);
  const [pending, setPending] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const [syncFailed, setSyncFailed] = useState(false);
  const [last, setLast] = useState<QueuedScan | null>(null);
  const [code, setCode] = useState("");
  const [camera, setCamera] = useState<"off" | "on" | "unavailable">("off");
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const recent = useRef(new Map<string, number>());

  const refresh = useCallback(async () => {
    const rows = await allScans(dayId);
    setScans(rows.slice(0, 30));
    setPending((await pendingScans(dayId)).length);
    setLast((current) => (current ? (rows.find((r) => r.nonce === current.nonce) ?? current) : current));
    return rows;
  }, [dayId]);

  // The kit: fetched while online, kept on the device for a reload without connection.
  useEffect(() => {
    if (!online) return;
    getCheckInKit(dayId)
      .then((k) => {
        localStorage.setItem(KIT_KEY(dayId), JSON.stringify(k));
        setKit(k);
        setKitError(null);
      })
      .catch((err) => setKitError(isApiError(err, 404) || isApiError(err, 403) ? "not_found" : "other"));
  }, [dayId, online]);

  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      await syncQueue(dayId);
      setSyncFailed(false);
    } catch {
      setSyncFailed(true);
    } finally {
      setSyncing(false);
      await refresh();
    }
  }, [dayId, refresh]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Back online: send what was queued. While online, a scan is sent at once (below) and retried every few seconds.
  useEffect(() => {
    if (!online) return;
    void sync();
    const timer = setInterval(() => void sync(), 10_000);
    return () => clearInterval(timer);
  }, [online, sync]);

  const take = useCallback(
    async (input: { token?: string; shortCode?: string }) => {
      if (!kit) return;
      const checked = await checkOffline(input, kit);
      const known = checked.kind === "valid" ? checked.ticketId : null;
      // The phone remembers the tickets it scanned itself: a second one shows "Doppelt" at once.
      const seenHere = known ? (await allScans(dayId)).some((s) => s.ticketId === known) : false;
      const scan: QueuedScan = {
        nonce: newNonce(),
        dayId,
        ...input,
        scannedAt: new Date().toISOString(),
        deviceId: deviceId(),
        ticketId: known,
        local: seenHere ? "duplicate" : checked.kind,
        outcome: null,
        pending: 1,
      };
      await enqueue(scan);
      setLast(scan);
      await refresh();
      if (navigator.onLine) void sync();
    },
    [dayId, kit, refresh, sync],
  );

  const onDecoded = useCallback(
    (text: string) => {
      const now = Date.now();
      if ((recent.current.get(text) ?? 0) > now - SAME_TICKET_MS) return;
      recent.current.set(text, now);
      void take({ token: text });
    },
    [take],
  );

  async function startCamera() {
    try {
      const { BrowserQRCodeReader } = await import("@zxing/browser");
      const reader = new BrowserQRCodeReader();
      if (!video.current) return;
      controls.current = await reader.decodeFromVideoDevice(undefined, video.current, (result) => {
        if (result) onDecoded(result.getText());
      });
      setCamera("on");
    } catch {
      setCamera("unavailable");
    }
  }

  function stopCamera() {
    controls.current?.stop();
    controls.current = null;
    setCamera("off");
  }
  useEffect(() => () => controls.current?.stop(), []);

  function submitCode(e: FormEvent) {
    e.preventDefault();
    const value = code.trim();
    if (!value) return;
    // A hand scanner types the whole token like a keyboard; people type the short code.
    void take(value.includes(".") ? { token: value } : { shortCode: normalizeShortCode(value) });
    setCode("");
  }

  const label = (s: Shown) => (s.kind === "outcome" ? t(`healthDayCheckIn.outcome.${s.outcome}`) : t(`healthDayCheckIn.local.${s.local}`));
  const color = (s: Shown) =>
    GOOD.has(s.kind === "outcome" ? s.outcome : s.local)
      ? "green"
      : s.kind === "outcome" && s.outcome === "duplicate"
        ? "orange"
        : s.kind === "local" && s.local === "duplicate"
          ? "orange"
          : "red";

  if (!kit) {
    return (
      <Stack p="md" maw={520} mx="auto">
        <Title order={2}>{t("healthDayCheckIn.title")}</Title>
        <Alert color={kitError === "not_found" ? "red" : "yellow"}>
          {kitError === "not_found" ? t("healthDayCheckIn.notFound") : t("healthDayCheckIn.kitMissing")}
        </Alert>
      </Stack>
    );
  }

  const lastShown = last ? shownOf(last) : null;
  return (
    <Stack p="md" maw={520} mx="auto" gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={2}>{t("healthDayCheckIn.title")}</Title>
          <Text c="dimmed" size="sm">
            {t("healthDayCheckIn.subtitle", { title: kit.title })}
          </Text>
        </div>
        <Badge color={online ? "green" : "gray"} variant="light" tt="none" size="lg" data-testid="checkin-online">
          {online ? t("healthDayCheckIn.online") : t("healthDayCheckIn.offline")}
        </Badge>
      </Group>

      {lastShown && (
        <Alert color={color(lastShown)} data-testid="checkin-last" role="status" aria-live="polite">
          <Text fw={700} size="xl">
            {label(lastShown)}
          </Text>
        </Alert>
      )}

      <Paper withBorder p="sm">
        <Stack gap="xs">
          <video ref={video} muted playsInline style={{ width: "100%", display: camera === "on" ? "block" : "none", borderRadius: 8 }} />
          {camera === "unavailable" && <Text c="dimmed">{t("healthDayCheckIn.cameraUnavailable")}</Text>}
          <Button
            size="lg"
            variant={camera === "on" ? "default" : "filled"}
            onClick={() => (camera === "on" ? stopCamera() : void startCamera())}
          >
            {camera === "on" ? t("healthDayCheckIn.cameraStop") : t("healthDayCheckIn.cameraStart")}
          </Button>
        </Stack>
      </Paper>

      <form onSubmit={submitCode}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            size="lg"
            label={t("healthDayCheckIn.codeLabel")}
            placeholder={t("healthDayCheckIn.codePlaceholder")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoCapitalize="characters"
            autoComplete="off"
            data-testid="checkin-code"
          />
          <Button type="submit" size="lg">
            {t("healthDayCheckIn.codeSubmit")}
          </Button>
        </Group>
      </form>

      <Group justify="space-between">
        <Text data-testid="checkin-queue">
          {pending > 0 ? t("healthDayCheckIn.queue", { count: pending }) : t("healthDayCheckIn.queueEmpty")}
        </Text>
        <Button onClick={() => void sync()} loading={syncing} disabled={!online || pending === 0} variant="light">
          {t("healthDayCheckIn.sync")}
        </Button>
      </Group>
      {syncFailed && <Alert color="yellow">{t("healthDayCheckIn.syncFailed")}</Alert>}

      <Title order={4}>{t("healthDayCheckIn.recent")}</Title>
      {scans.length === 0 && <Text c="dimmed">{t("healthDayCheckIn.noScans")}</Text>}
      <Stack gap={4} data-testid="checkin-recent">
        {scans.map((s) => {
          const shown = shownOf(s);
          return (
            <Group key={s.nonce} justify="space-between" wrap="nowrap">
              <Text size="sm">{new Date(s.scannedAt).toLocaleTimeString()}</Text>
              <Group gap={6} wrap="nowrap">
                {s.pending ? (
                  <Text size="xs" c="dimmed">
                    {t("healthDayCheckIn.pendingMark")}
                  </Text>
                ) : null}
                <Badge color={color(shown)} variant="light" tt="none">
                  {label(shown)}
                </Badge>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
