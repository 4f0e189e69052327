// Follows Office's own theme so the pane does not glare white inside a dark Excel.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** True for a "#rrggbb" colour whose relative luminance is below the mid-point. */
export function isDarkColor(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return false;
  const n = parseInt(match[1], 16);
  const [r, g, b] = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Fluent theme for Office's task-pane background colour; light when Office does not say. */
export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  return isDarkColor(bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
