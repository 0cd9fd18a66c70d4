import { Badge, Burger, Button, NavLink, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';

import { UnreadCountDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';

import { hasRole, useSession } from './session-context';

/** The frame of every signed-in page: navigation by role, unread count, language, sign-out. */
export function Layout({ children }: { children: ReactNode }) {
  const { m, f } = useI18n();
  const { session, signOut, locale, setLocale } = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [{ data }, refresh] = useQuery({ query: UnreadCountDocument });
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), 60000);
    return () => window.clearInterval(timer);
  }, [refresh]);
  const unread = data?.myNotifications.unreadCount ?? 0;

  const links: { to: string; label: string; show: boolean; badge?: number }[] = [
    { to: '/work-queue', label: m.nav.workQueue, show: hasRole(session, 'LIAISON', 'SUPERVISOR', 'SECRETARIAT') },
    { to: '/tasks/new', label: m.nav.newTask, show: hasRole(session, 'LIAISON') },
    {
      to: '/cross-border-requests',
      label: m.nav.crossBorder,
      show: hasRole(session, 'ATTACHE', 'LIAISON', 'CASE_OFFICER', 'SUPERVISOR', 'COUNTERPART', 'SECRETARIAT'),
    },
    {
      to: '/referrals',
      label: m.nav.referrals,
      show: hasRole(session, 'CASE_OFFICER', 'LIAISON', 'SUPERVISOR', 'PARTNER', 'SECRETARIAT'),
    },
    {
      to: '/cases',
      label: m.nav.cases,
      show: hasRole(session, 'CASE_OFFICER', 'LIAISON', 'SUPERVISOR', 'SECRETARIAT'),
    },
    {
      to: '/people',
      label: m.nav.people,
      show: hasRole(session, 'CASE_OFFICER', 'LIAISON', 'SUPERVISOR', 'PARTNER', 'SECRETARIAT'),
    },
    { to: '/secretariat', label: m.nav.secretariat, show: hasRole(session, 'SECRETARIAT') },
    { to: '/statistics', label: m.nav3.statistics, show: true },
    {
      to: '/meetings',
      label: m.nav2.meetings,
      show: hasRole(
        session,
        'LIAISON',
        'SUPERVISOR',
        'SECRETARIAT',
        'ATTACHE',
        'CASE_OFFICER',
        'PARTNER',
        'COUNTERPART',
      ),
    },
    {
      to: '/repatriation-operations',
      label: m.rpt.nav,
      show: hasRole(session, 'LIAISON', 'SUPERVISOR', 'SECRETARIAT', 'ATTACHE', 'CASE_OFFICER'),
    },
    { to: '/activities', label: m.nav2.activities, show: true },
    { to: '/notifications', label: m.nav.notifications, show: true, badge: unread },
    { to: '/settings/notifications', label: m.nav.settings, show: true },
    { to: '/settings/profile', label: m.nav.profile, show: true },
    { to: '/admin', label: m.nav.admin, show: hasRole(session, 'ADMINISTRATOR') },
  ];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <nav id="main-nav" className={`shell-nav${open ? ' open' : ''}`} aria-label={m.nav.main}>
        <Stack gap={2}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={
                  location.pathname === link.to || (link.to !== '/' && location.pathname.startsWith(`${link.to}/`))
                }
                rightSection={
                  link.badge ? (
                    <Badge size="sm" color="red" circle={false}>
                      {link.badge}
                      <VisuallyHidden> {f(m.nav.unread, { count: link.badge })}</VisuallyHidden>
                    </Badge>
                  ) : undefined
                }
              />
            ))}
        </Stack>
      </nav>
      <div className="shell-main">
        <header className="shell-header">
          <Burger
            className="shell-menu-button"
            opened={open}
            onClick={() => setOpen((value) => !value)}
            aria-label={m.app.menu}
            aria-controls="main-nav"
            aria-expanded={open}
            size="sm"
          />
          <Link to="/" className="brand">
            {m.app.name}
          </Link>
          <Text size="sm" c="dimmed" className="hide-narrow">
            {m.app.tagline}
          </Text>
          <div className="header-spacer" />
          <SegmentedControl
            size="xs"
            aria-label={m.app.language}
            value={locale}
            onChange={(value) => setLocale(value === 'EN' ? 'EN' : 'ID')}
            data={[
              { value: 'ID', label: 'ID' },
              { value: 'EN', label: 'EN' },
            ]}
          />
          <Button size="xs" variant="default" onClick={() => void signOut()}>
            {m.nav.signOut}
          </Button>
        </header>
        <main id="main" className="shell-content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
