import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LoadMore } from "../../../components/ui/load-more";
import { loadedItems } from "../../../lib/cursor-pages";
import { formatDateTime } from "../../../lib/format";
import { useMe } from "../../auth";
import { useLatestNotifications, useNotificationList } from "../api/get-notifications";
import { useMarkAllRead, useMarkRead } from "../api/mark-read";
import type { NotificationItem } from "../api/types";

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** Header bell: unread count (polled every 30 s), the latest notifications, mark read / all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, setOpened] = useState(false);
  // Notifications belong to a membership; a platform admin without an organization has none.
  const latest = useLatestNotifications(Boolean(me?.active));
  const markAll = useMarkAllRead();
  if (!me?.active) return null;
  const unread = latest.data?.unread ?? 0;

  return (
    // The count sits outside Popover.Target: the target gets the popup ARIA attributes, which a plain div may not carry.
    <Indicator
      label={unread > 99 ? "99+" : unread}
      size={18}
      disabled={unread === 0}
      color="red.9"
      offset={4}
      data-testid="notification-count"
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown role="dialog" aria-label={t("notifications.title")} p="xs">
          <Group justify="space-between" mb="xs" px={4}>
            <Text fw={700}>{t("notifications.title")}</Text>
            <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t("notifications.markAllRead")}
            </Button>
          </Group>
          <NotificationList onOpen={() => setOpened(false)} />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

/** The dropdown's list, mounted while it is open; its pages are kept current by the bell's poll. */
function NotificationList({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const list = useNotificationList();
  const items = loadedItems(list.data);
  if (items.length === 0) {
    return (
      <Text size="sm" px={4} pb="xs">
        {t("notifications.empty")}
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={400} type="auto">
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((n) => (
          <NotificationEntry key={n.id} item={n} onOpen={onOpen} />
        ))}
      </Stack>
      <LoadMore query={list} />
    </ScrollArea.Autosize>
  );
}

function NotificationEntry({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = item.readAt === null;

  function open() {
    if (unread) markRead.mutate(item.id);
    onOpen();
    if (item.link) void navigate(item.link);
  }

  return (
    <li data-testid="notification" data-unread={unread}>
      <Group gap={4} wrap="nowrap" align="flex-start" p={6} bg={unread ? "blue.0" : undefined} style={{ borderRadius: 6 }}>
        <UnstyledButton onClick={open} style={{ flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            {unread ? (
              <Badge size="xs" color="blue" variant="filled" tt="none">
                {t("notifications.unread")}
              </Badge>
            ) : null}
            <Text size="sm" fw={unread ? 700 : 500}>
              {item.title}
            </Text>
          </Group>
          {/* pre-line: a body may list items one per line (e.g. proactive partner suggestions). */}
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {item.body}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt)}
          </Text>
        </UnstyledButton>
        {unread ? (
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={t("notifications.markReadNamed", { title: item.title })}
            loading={markRead.isPending}
            onClick={() => markRead.mutate(item.id)}
          >
            ✓
          </Button>
        ) : null}
      </Group>
    </li>
  );
}
