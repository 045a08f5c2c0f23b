import { env } from "../env";

/** The shortest notice CDMOs get before a due date, from RFP_MIN_NOTICE_MINUTES (default an hour). */
export function minNoticeMs(): number {
  return env().RFP_MIN_NOTICE_MINUTES * 60_000;
}
