/**
 * A cookie the page may read, set and cleared together with the (httpOnly) session cookie. It
 * holds no secret, only "a session was started in this browser": without it the web app knows
 * there is no session and goes to the login page without asking the server (which would answer
 * 401 on every visit to the login page). With it, the server still decides: a session that ended
 * meanwhile answers 401 and the page says so.
 */
export const SESSION_HINT_COOKIE = 'lianxin_signed_in';
