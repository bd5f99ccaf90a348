/** The cookie the browser keeps its IANA time zone in, so server-rendered pages know the user's "today". Client-safe. */
export const TIME_ZONE_COOKIE = "chatcraft-tz";
