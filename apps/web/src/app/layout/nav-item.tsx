import { NavLink } from "@mantine/core";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

interface NavItemProps {
  to: string;
  label: string;
  /** Path prefixes that also count as "here" (e.g. a task belongs to the phases section). */
  matches?: readonly string[];
  onNavigate?: () => void;
  /** Shown at the end of the item, e.g. a count. */
  badge?: ReactNode;
}

export function NavItem({ to, label, matches, onNavigate, badge }: NavItemProps) {
  const { pathname } = useLocation();
  const prefixes = matches ?? (to === "/" ? [] : [to]);
  const active = pathname === to || prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      rightSection={badge}
    />
  );
}
