import { createTheme, Modal } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  components: {
    // Scroll locking injects a <style> element, which a strict CSP (no 'unsafe-inline') refuses: keep it off.
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
  },
});
