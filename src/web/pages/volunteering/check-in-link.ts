/**
 * The address a check-in QR code encodes: `/check-in?activity=…&code=…` on this server. It opens
 * the check-in with the code filled in (the member's page for a signed-in member, the portal for
 * a resident), where the volunteer confirms. The code in it lives a minute, like the digits.
 */
export const checkInLink = (origin: string, activityId: string, code: string): string =>
  `${origin}/check-in?${new URLSearchParams({ activity: activityId, code }).toString()}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The activity and code of a scanned link, or null when the address carries none (or garbage). */
export function checkInFromLink(search: URLSearchParams): { activityId: string; code: string } | null {
  const activityId = search.get('activity') ?? '';
  const code = search.get('code') ?? '';
  return UUID.test(activityId) && /^\d{6}$/.test(code) ? { activityId, code } : null;
}
