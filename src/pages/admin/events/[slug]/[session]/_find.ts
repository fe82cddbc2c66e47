/** The event and session a console URL names, for a signed-in staff member (undefined: not found). */
import { eventEntry, bookable } from '../../../../../server/runtime';
import { sessionLabel } from '../../../../../lib/sessions';
import { exampleTitle } from '../../../../../lib/unconfirmed';

export async function findSession(slug: string | undefined, id: string | undefined) {
  const entry = await eventEntry(slug);
  const event = entry && bookable(entry);
  const session = event?.sessions.find((s) => s.id === id);
  if (!entry || !event || !session) return undefined;
  return { entry, event, session, title: exampleTitle(entry.data), label: sessionLabel(session), base: `/admin/events/${event.slug}/${session.id}/` };
}
